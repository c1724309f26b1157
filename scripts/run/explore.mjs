// The "explore the API" section ./run.sh prints after a cycle: the URL, the key and example requests, filled in with
// the cycle's own runs and changes where there are some, placeholders otherwise.

async function firstChange(api, batchId, status) {
  if (!batchId) return null;
  const response = await api.get(`/sync/staged?batch_id=${encodeURIComponent(batchId)}&status=${status}&per_page=1`);
  return response.status === 200 ? response.body?.items?.[0] ?? null : null;
}

export async function printExplore(api, keyShown, importRun, pushRun) {
  const batchId = importRun?.run_id ?? '<import run id>';
  const pending = await firstChange(api, importRun?.run_id, 'pending');
  const applied = await firstChange(api, importRun?.run_id, 'applied');
  const auth = '-H "Authorization: Bearer $KEY"';
  const json = `${auth} -H "Content-Type: application/json"`;
  const lines = [
    '',
    'CowansSync is running (standalone). Explore the API (copy the first line into a shell):',
    `  export API=${api.baseUrl} KEY='${keyShown}'`,
    '  Health:          curl $API/health',
    `  The import run:  curl ${auth} $API/runs/${batchId}`,
    ...(pushRun ? [`  The push run:    curl ${auth} $API/runs/${pushRun.run_id}`] : []),
    `  Pending review:  curl ${auth} "$API/sync/staged?batch_id=${batchId}&status=pending"`,
    `  Approve one:     curl -X POST ${json} -d '{"notes":"ok"}' $API/sync/staged/${pending?.change_id ?? '<change_id>'}/approve`,
    `  Push approved:   curl -X POST ${json} -d '{"batch_id":"${batchId}","confirm":true}' $API/sync/shopify/push`,
    `  Roll back:       curl -X POST ${json} -d '{"reason":"wrong price"}' $API/sync/rollback/${applied?.change_id ?? '<applied change_id>'}`,
    `  Versions:        curl ${auth} $API/products/${applied?.sku ?? pending?.sku ?? '<sku>'}/versions`,
    `  Batches:         curl ${auth} "$API/sync/batches?direction=push_to_shopify"`,
    `  Metrics:         curl ${auth} $API/sync/metrics`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
