// Bulk operations: a query whose whole result is written as JSONL, or a mutation run once per
// line of an uploaded JSONL file (results as JSONL with __lineNumber). Each goes CREATED →
// RUNNING → COMPLETED (or FAILED/CANCELED) on timers, so callers poll as they would on Shopify,
// and announces bulk_operations/finish. One operation of each type runs at a time.
import { Kind, parse, validate } from 'graphql';
import { userError } from '../resolvers/inputs.js';
import { bulkQueryLines } from './jsonl.js';
import { bulkQueryProblem } from './query-rules.js';

/** Pause between status steps, long enough for a poll to see CREATED/RUNNING. */
const STEP_MS = 20;
const UNFINISHED = ['CREATED', 'RUNNING', 'CANCELING'];

export class BulkOperations {
  #timers = new Set();
  #files = new Map();

  /**
   * `execute({ document, variables })` runs a document without cost or throttling; `resultsUrl(name)` serves a file;
   * `runningMs()` is how much longer than a status step an operation stays RUNNING (a large shop's export takes minutes).
   */
  constructor({ store, schema, uploads, execute, resultsUrl, log, runningMs = () => 0 }) {
    Object.assign(this, { store, schema, uploads, execute, resultsUrl, log, runningMs });
  }

  running(type) {
    return this.store.all('BulkOperation').find((operation) => operation.type === type && UNFINISHED.includes(operation.status)) ?? null;
  }

  latest(type) {
    return this.store.all('BulkOperation').findLast((operation) => operation.type === type) ?? null;
  }

  runQuery(query) {
    const busy = this.#inProgress('QUERY');
    if (busy) return busy;
    const problem = bulkQueryProblem(this.schema, query);
    if (problem) return { bulkOperation: null, userErrors: [userError(['query'], problem, 'INVALID')] };
    const operation = this.#create('QUERY', query);
    this.#advance(operation, async () => {
      const { data, errors } = await this.execute({ document: parse(query), variables: {} });
      if (errors?.length && !data) throw new Error(errors[0].message);
      return bulkQueryLines(data);
    });
    return { bulkOperation: operation, userErrors: [] };
  }

  runMutation(mutation, stagedUploadPath) {
    const busy = this.#inProgress('MUTATION');
    if (busy) return busy;
    const fail = (field, message, code) => ({ bulkOperation: null, userErrors: [userError(field, message, code)] });
    let document;
    try {
      document = parse(mutation);
    } catch (error) {
      return fail(['mutation'], `Invalid mutation: ${error.message}`, 'INVALID_MUTATION');
    }
    const [invalid] = validate(this.schema, document);
    if (invalid) return fail(['mutation'], `Invalid mutation: ${invalid.message}`, 'INVALID_MUTATION');
    const [operationDefinition, ...others] = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (others.length || operationDefinition?.operation !== 'mutation' || operationDefinition.selectionSet.selections.length !== 1) {
      return fail(['mutation'], 'Invalid mutation: a bulk mutation must be one mutation operation with one top-level field.', 'INVALID_MUTATION');
    }
    const file = this.uploads.file(stagedUploadPath);
    if (!file) {
      return fail(['stagedUploadPath'], "The JSONL file could not be found. Try uploading the file again, and check that you've entered the URL correctly for the stagedUploadPath mutation argument.", 'NO_SUCH_FILE');
    }
    const variableLines = parseJsonl(file);
    if (!variableLines) return fail(['stagedUploadPath'], 'The staged upload file is not a valid JSONL file.', 'INVALID_STAGED_UPLOAD_FILE');
    const operation = this.#create('MUTATION', mutation);
    this.#advance(operation, async () => {
      const lines = [];
      for (const [lineNumber, variables] of variableLines.entries()) {
        const { data, errors } = await this.execute({ document, variables });
        lines.push(JSON.stringify(errors?.length ? { data, errors, __lineNumber: lineNumber } : { data, __lineNumber: lineNumber }));
      }
      return { lines, rootObjectCount: lines.length };
    });
    return { bulkOperation: operation, userErrors: [] };
  }

  cancel(id) {
    const operation = this.store.nodeOfType('BulkOperation', id);
    if (!operation) return { bulkOperation: null, userErrors: [userError(['id'], 'Bulk operation does not exist')] };
    if (!UNFINISHED.includes(operation.status)) {
      return { bulkOperation: operation, userErrors: [userError([], `A bulk operation cannot be canceled when it is ${operation.status.toLowerCase()}`)] };
    }
    this.#finish(operation, { status: 'CANCELED' });
    return { bulkOperation: operation, userErrors: [] };
  }

  /** A result file's bytes by the name in its URL, or undefined. */
  resultFile(name) {
    return this.#files.get(name);
  }

  stop() {
    this.#timers.forEach((timer) => clearTimeout(timer));
    this.#timers.clear();
    this.#files.clear();
  }

  #inProgress(type) {
    const running = this.running(type);
    if (!running) return null;
    const message = `A bulk ${type.toLowerCase()} operation for this app and shop is already in progress: ${running.id}.`;
    return { bulkOperation: null, userErrors: [userError([], message, 'OPERATION_IN_PROGRESS')] };
  }

  #create(type, query) {
    return this.store.add('BulkOperation', {
      type, status: 'CREATED', query, createdAt: this.store.clock.tick(), completedAt: null, errorCode: null,
      objectCount: '0', rootObjectCount: '0', fileSize: null, url: null, partialDataUrl: null,
    });
  }

  #later(step, extraMs = 0) {
    const timer = setTimeout(() => { this.#timers.delete(timer); step(); }, STEP_MS + extraMs);
    this.#timers.add(timer);
  }

  #advance(operation, work) {
    this.#later(() => {
      if (operation.status !== 'CREATED') return;
      operation.status = 'RUNNING';
      this.#later(async () => {
        if (operation.status !== 'RUNNING') return;
        try {
          const { lines, rootObjectCount } = await work();
          const name = `${operation.legacyResourceId}.jsonl`;
          const content = Buffer.from(lines.map((line) => `${line}\n`).join(''));
          if (lines.length) this.#files.set(name, content);
          this.#finish(operation, {
            status: 'COMPLETED', objectCount: String(lines.length), rootObjectCount: String(rootObjectCount),
            fileSize: lines.length ? String(content.length) : null, url: lines.length ? this.resultsUrl(name) : null,
          });
        } catch (error) {
          this.log(`shopify: bulk operation ${operation.id} failed: ${error.message}`);
          this.#finish(operation, { status: 'FAILED', errorCode: 'INTERNAL_SERVER_ERROR' });
        }
      }, this.runningMs());
    });
  }

  #finish(operation, outcome) {
    Object.assign(operation, outcome, { completedAt: this.store.clock.tick() });
    this.store.changed('bulk_operations/finish', operation);
  }
}

function parseJsonl(buffer) {
  try {
    return buffer.toString('utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  } catch {
    return null;
  }
}
