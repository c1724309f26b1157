// What the operator watches in the portal: alerts to an e-mail action group, and saved queries for runs, failures and
// throughput, all over the app's logs in the Log Analytics workspace behind Application Insights.

@description('Prefix of resource names.')
param baseName string

@description('Region of the alert rules.')
param location string

@description('Where the alerts are e-mailed.')
param alertEmail string

@description('The Log Analytics workspace of Application Insights.')
param workspaceId string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${baseName}'
  location: 'global'
  properties: {
    groupShortName: take(replace(baseName, '-', ''), 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Each alert: a query over the last 15 minutes, evaluated every 5, firing when it returns a row.
var alerts = [
  {
    name: 'failed-orchestrations'
    description: 'A run failed: a Durable orchestration ended with an error (GET /api/runs?status=failed; POST /api/runs/{id}/redrive).'
    severity: 1
    query: 'AppTraces | where Message has "(Orchestrator)" and Message has "failed"'
  }
  {
    name: 'poison-messages'
    description: 'A Shopify webhook could not be processed and went to the poison queue shopify-webhooks-poison.'
    severity: 2
    query: 'AppTraces | where Message has "Moving message to queue" and Message has "-poison"'
  }
  {
    name: 'approvals-overdue'
    description: 'An import\'s staged changes have waited for review longer than Import__ApprovalTimeout.'
    severity: 3
    query: 'AppTraces | where Message startswith "Run notification approval_overdue"'
  }
  {
    name: 'http-5xx'
    description: 'More than 5 % of API requests answered 5xx.'
    severity: 2
    query: 'AppRequests | summarize total = count(), failed = countif(toint(ResultCode) >= 500) | where total > 0 and failed * 100.0 / total > 5'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for alert in alerts: {
    name: 'alert-${baseName}-${alert.name}'
    location: location
    properties: {
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        workspaceId
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: last(split(workspaceId, '/'))
}

// Saved queries (Logs → Queries → CowansSync): the app logs JSON scopes RunId and FunctionName with every line.
var queries = [
  {
    name: 'runs'
    displayName: 'CowansSync runs: starts and ends by kind'
    query: 'AppTraces | where isnotempty(Properties.RunId) | summarize started = min(TimeGenerated), last = max(TimeGenerated), lines = count() by RunId = tostring(Properties.RunId) | order by started desc'
  }
  {
    name: 'failures'
    displayName: 'CowansSync failures: errors and exceptions by function'
    query: 'union AppExceptions, (AppTraces | where SeverityLevel >= 3) | summarize count() by Function = tostring(Properties.FunctionName), bin(TimeGenerated, 1h) | order by TimeGenerated desc'
  }
  {
    name: 'throughput'
    displayName: 'CowansSync throughput: activity executions per minute'
    query: 'AppTraces | where isnotempty(Properties.FunctionName) | summarize executions = count() by bin(TimeGenerated, 1m), Function = tostring(Properties.FunctionName) | render timechart'
  }
]

resource savedQueries 'Microsoft.OperationalInsights/workspaces/savedSearches@2020-08-01' = [
  for query in queries: {
    parent: workspace
    name: 'cowanssync-${query.name}'
    properties: {
      category: 'CowansSync'
      displayName: query.displayName
      query: query.query
    }
  }
]
