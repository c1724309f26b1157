// Staged uploads, shaped like the Google Cloud Storage form posts Shopify hands out: a target URL
// and signed form parameters the client must send back verbatim with the file (multipart POST).
// The simulator checks the signature, so a client that drops a parameter fails here as it would
// against Shopify's bucket.
import { createHash, createHmac } from 'node:crypto';

const BUCKET = 'shopify-staged-uploads';

function xml(body) {
  return `<?xml version='1.0' encoding='UTF-8'?>${body}`;
}

/** Fields and the file of a multipart/form-data body. */
function parseMultipart(body, contentType) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields = {};
  let file = null;
  for (let start = body.indexOf(delimiter); start !== -1;) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (filename !== undefined) file = { name, filename, content };
    else if (name) fields[name] = content.toString('utf8');
    start = next;
  }
  return { fields, file };
}

function policyConditions(policy) {
  try {
    return JSON.parse(Buffer.from(policy, 'base64').toString('utf8')).conditions ?? [];
  } catch {
    return [];
  }
}

export class StagedUploads {
  #files = new Map();
  #issued = 0;

  constructor({ url, secret }) {
    Object.assign(this, { url, secret });
  }

  /** A StagedMediaUploadTarget for one StagedUploadInput. */
  target({ filename, mimeType, resource }) {
    this.#issued += 1;
    const folder = resource === 'BULK_MUTATION_VARIABLES' ? 'bulk' : 'files';
    const key = `tmp/sandbox/${folder}/${String(this.#issued).padStart(8, '0')}/${filename}`;
    const date = '20260101T000000Z';
    const policy = Buffer.from(JSON.stringify({ conditions: [{ bucket: BUCKET }, { key }, { 'Content-Type': mimeType }] })).toString('base64');
    return {
      url: this.url, resourceUrl: `${this.url}/${key}`,
      parameters: [
        { name: 'Content-Type', value: mimeType }, { name: 'success_action_status', value: '201' }, { name: 'acl', value: 'private' },
        { name: 'key', value: key }, { name: 'x-goog-date', value: date }, { name: 'x-goog-credential', value: `sandbox/${date.slice(0, 8)}/auto/storage/goog4_request` },
        { name: 'x-goog-algorithm', value: 'GOOG4-HMAC-SHA256' }, { name: 'x-goog-signature', value: this.#sign(policy) }, { name: 'policy', value: policy },
      ],
    };
  }

  /** Takes a multipart POST to the target URL; answers { status, body } as the bucket would. */
  receive(body, contentType) {
    const form = parseMultipart(body, contentType);
    if (!form?.file) return { status: 400, body: xml('<Error><Code>InvalidArgument</Code><Message>The request has no file.</Message></Error>') };
    const { fields, file } = form;
    const signed = fields['x-goog-signature'] === this.#sign(fields.policy ?? '');
    if (!signed || !policyConditions(fields.policy).some((condition) => condition.key === fields.key)) {
      return { status: 403, body: xml('<Error><Code>AccessDenied</Code><Message>Invalid policy or signature.</Message></Error>') };
    }
    this.#files.set(fields.key, file.content);
    if (fields.success_action_status !== '201') return { status: 204, body: '' };
    const etag = createHash('md5').update(file.content).digest('hex');
    return {
      status: 201,
      body: xml(`<PostResponse><Location>${this.url}/${fields.key}</Location><Bucket>${BUCKET}</Bucket><Key>${fields.key}</Key><ETag>"${etag}"</ETag></PostResponse>`),
    };
  }

  /** An uploaded file's bytes by its key (the stagedUploadPath), or undefined. */
  file(key) {
    return this.#files.get(key);
  }

  clear() {
    this.#files.clear();
  }

  #sign(policy) {
    return createHmac('sha256', this.secret).update(policy).digest('hex');
  }
}
