// CowansSync in one resource group: a storage account reached only by managed identity, a Flex Consumption Function
// App on the .NET isolated worker, Application Insights on a Log Analytics workspace, a Key Vault for the secrets the
// app settings reference, the alerts operators need, and saved queries for runs, failures and throughput.

@description('Short environment name, used in resource names (e.g. dev, prod).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('Prefix of resource names: letters and digits.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'cowanssync'

@description('Where the alerts are e-mailed.')
param alertEmail string

@description('The Shopify shop, e.g. cowans.myshopify.com.')
param shopifyShopDomain string

@description('The Shopify location whose stock the app sets (a GID); empty for the shop\'s primary location.')
param shopifyLocationId string = ''

@description('Xorosoft\'s API base URL.')
param xorosoftBaseUrl string = 'https://res.xorosoft.io'

@description('The Etilize FTP server.')
param etilizeHost string

@description('The Etilize FTP user.')
param etilizeUser string

@description('The Etilize FTP folder of the catalog files.')
param etilizeDirectory string = '/'

@description('Where notifications (overdue reviews, out-of-stock items, schedule results) are posted; empty for none.')
param notificationWebhookUrl string = ''

@description('The Durable Functions task hub: letters and digits.')
param durableHubName string = 'CowansSync'

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Etilize FTP password (stored in Key Vault).')
@secure()
param etilizePassword string

@description('Xorosoft API key (stored in Key Vault).')
@secure()
param xorosoftApiKey string

@description('Xorosoft API secret (stored in Key Vault).')
@secure()
param xorosoftApiSecret string

@description('Shopify Admin API access token (stored in Key Vault).')
@secure()
param shopifyAccessToken string

@description('Shopify app client secret, which signs webhooks (stored in Key Vault).')
@secure()
param shopifyWebhookSecret string

@description('The API\'s first admin key, at least 32 characters (stored in Key Vault).')
@secure()
param bootstrapAdminKey string

@description('Signs notification bodies (stored in Key Vault); empty for unsigned.')
@secure()
param notificationSigningSecret string = ''

var suffix = uniqueString(resourceGroup().id, environmentName)
var baseName = '${namePrefix}-${environmentName}'
var storageName = take(toLower('${namePrefix}${environmentName}${suffix}'), 24)
var vaultName = take('kv${namePrefix}${environmentName}${suffix}', 24)
var deploymentContainer = 'app-package'

// Built-in role ids.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]: {
    name: guid(storage.id, identity.id, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

var secrets = {
  'etilize-password': etilizePassword
  'xorosoft-api-key': xorosoftApiKey
  'xorosoft-api-secret': xorosoftApiSecret
  'shopify-access-token': shopifyAccessToken
  'shopify-webhook-secret': shopifyWebhookSecret
  'bootstrap-admin-key': bootstrapAdminKey
  'notification-signing-secret': notificationSigningSecret
}

// An optional secret left empty is not stored; its setting is then empty too.
resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secret in filter(items(secrets), secret => !empty(secret.value)): {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
    }
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${baseName}'
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

// The app's settings: every one the app validates at start or a trigger names (see README "Pointing it at the real systems").
var appSettings = [
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storage.name
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identity.properties.clientId
  }
  {
    name: 'SyncStorage__accountName'
    value: storage.name
  }
  {
    name: 'SyncStorage__clientId'
    value: identity.properties.clientId
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: insights.properties.ConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identity.properties.clientId};Authorization=AAD'
  }
  {
    name: 'Durable__HubName'
    value: durableHubName
  }
  {
    name: 'Auth__BootstrapAdminKey'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=bootstrap-admin-key)'
  }
  {
    name: 'Etilize__Host'
    value: etilizeHost
  }
  {
    name: 'Etilize__User'
    value: etilizeUser
  }
  {
    name: 'Etilize__Password'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=etilize-password)'
  }
  {
    name: 'Etilize__Directory'
    value: etilizeDirectory
  }
  {
    name: 'Etilize__PollSchedule'
    value: '0 */15 * * * *'
  }
  {
    name: 'Xorosoft__BaseUrl'
    value: xorosoftBaseUrl
  }
  {
    name: 'Xorosoft__ApiKey'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=xorosoft-api-key)'
  }
  {
    name: 'Xorosoft__ApiSecret'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=xorosoft-api-secret)'
  }
  {
    name: 'Shopify__ShopDomain'
    value: shopifyShopDomain
  }
  {
    name: 'Shopify__AccessToken'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=shopify-access-token)'
  }
  {
    name: 'Shopify__WebhookSecret'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=shopify-webhook-secret)'
  }
  {
    name: 'Shopify__LocationId'
    value: shopifyLocationId
  }
  {
    name: 'Pull__Schedule'
    value: '0 0 * * * *'
  }
  {
    name: 'Inventory__Schedule'
    value: '0 */30 * * * *'
  }
  {
    name: 'Schedules__PollSchedule'
    value: '0 * * * * *'
  }
  {
    name: 'Runs__PurgeSchedule'
    value: '0 30 3 * * *'
  }
  {
    name: 'Notifications__WebhookUrl'
    value: notificationWebhookUrl
  }
  {
    name: 'Notifications__SigningSecret'
    value: empty(notificationSigningSecret) ? '' : '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=notification-signing-secret)'
  }
]

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${baseName}-${take(suffix, 6)}'
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: appSettings
    }
  }
  dependsOn: [
    storageRoles
    vaultRole
    vaultSecrets
    insightsRole
    packageContainer
  ]
}

module monitoring 'monitoring.bicep' = {
  name: 'monitoring-${environmentName}'
  params: {
    baseName: baseName
    location: location
    alertEmail: alertEmail
    workspaceId: workspace.id
  }
}

@description('The app\'s base URL; its API is under /api.')
output appUrl string = 'https://${app.properties.defaultHostName}'

@description('The Function App.')
output appName string = app.name

@description('The storage account.')
output storageAccountName string = storage.name

@description('The Key Vault holding the secrets.')
output keyVaultName string = vault.name

@description('Application Insights.')
output appInsightsName string = insights.name
