using 'main.bicep'

// The production environment. Secrets are not kept here: scripts/deploy.sh passes them from environment variables.
param environmentName = 'prod'
param alertEmail = readEnvironmentVariable('COWANSSYNC_ALERT_EMAIL', 'ops@example.com')
param shopifyShopDomain = readEnvironmentVariable('COWANSSYNC_SHOPIFY_SHOP_DOMAIN', 'cowans.myshopify.com')
param etilizeHost = readEnvironmentVariable('COWANSSYNC_ETILIZE_HOST', 'ftp.etilize.com')
param etilizeUser = readEnvironmentVariable('COWANSSYNC_ETILIZE_USER', 'cowans')
param maximumInstanceCount = 40
param etilizePassword = readEnvironmentVariable('COWANSSYNC_ETILIZE_PASSWORD', '')
param xorosoftApiKey = readEnvironmentVariable('COWANSSYNC_XOROSOFT_API_KEY', '')
param xorosoftApiSecret = readEnvironmentVariable('COWANSSYNC_XOROSOFT_API_SECRET', '')
param shopifyAccessToken = readEnvironmentVariable('COWANSSYNC_SHOPIFY_ACCESS_TOKEN', '')
param shopifyWebhookSecret = readEnvironmentVariable('COWANSSYNC_SHOPIFY_WEBHOOK_SECRET', '')
param bootstrapAdminKey = readEnvironmentVariable('COWANSSYNC_BOOTSTRAP_ADMIN_KEY', '')
param notificationSigningSecret = readEnvironmentVariable('COWANSSYNC_NOTIFICATION_SIGNING_SECRET', '')
