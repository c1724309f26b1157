#!/usr/bin/env node
// Validates an OpenAPI document (the app's GET /api/openapi.json, saved to a file) against the official OpenAPI
// schema of its version. Usage: node scripts/validate-openapi.mjs <file>
// Prints the version and "valid", or each error; exits 1 when the document is invalid.
import { Validator } from '@seriousme/openapi-schema-validator';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/validate-openapi.mjs <file>');
  process.exit(2);
}

const validator = new Validator();
const result = await validator.validate(file);
if (result.valid) {
  console.log(`OpenAPI ${validator.version}: valid`);
} else {
  console.error(`OpenAPI ${validator.version ?? '?'}: invalid`);
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
