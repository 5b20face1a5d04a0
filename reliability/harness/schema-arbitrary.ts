import fc from 'fast-check';

/** The subset of JSON Schema that the OpenAPI document of our zod contracts uses. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
}

/**
 * Strings that have broken servers before: control characters, NUL, lone surrogates, huge and
 * odd Unicode, injection shapes, numbers in strings. Mixed with well-formed values so that a case
 * gets past validation often enough to reach the verbs and the SQL behind them.
 */
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\uffff',
  '\u202e反转',
  '𠀀𪚥',
  "'; drop table users; --",
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  'null',
  'undefined',
  '-1',
  '1e309',
  'NaN',
  '0x10',
  '9'.repeat(40),
  '中'.repeat(5000),
  '\r\n\r\n',
  'http://127.0.0.1:22/',
  'file:///etc/passwd',
);

const uuidish = fc.oneof(fc.uuid(), fc.constant('00000000-0000-0000-0000-000000000000'), nasty);

function stringOf(s: JsonSchema): fc.Arbitrary<string> {
  const shaped: fc.Arbitrary<string>[] = [nasty];
  if (s.format === 'uuid') shaped.push(fc.uuid());
  else if (s.format === 'date-time') shaped.push(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()));
  else if (s.format === 'date') shaped.push(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  else if (s.format === 'email') shaped.push(fc.emailAddress());
  else if (s.format === 'uri') shaped.push(fc.webUrl());
  else shaped.push(fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 200), unit: 'grapheme' }));
  shaped.push(fc.string({ maxLength: 30, unit: 'binary' }));
  return fc.oneof(...shaped);
}

export function arbitraryFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.anything({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), nasty);
  if (schema.enum) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: nasty });
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => arbitraryFor(a, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf) as JsonSchema, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return stringOf(schema);
      case 'integer':
        return fc.oneof(fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 }), fc.constantFrom(-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER), nasty);
      case 'number':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), nasty);
      case 'boolean':
        return fc.oneof(fc.boolean(), nasty);
      case 'array':
        return fc.oneof(
          { weight: 5, arbitrary: fc.array(arbitraryFor(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 6) }) },
          { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
        );
      case 'object': {
        const props = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const shape: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(props)) shape[k] = arbitraryFor(v, depth + 1);
        const optional = Object.keys(props).filter((k) => !required.has(k));
        return fc.oneof(
          { weight: 6, arbitrary: fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) }) },
          { weight: 1, arbitrary: fc.record(shape, { requiredKeys: optional.length ? [] : [] }).map((o) => ({ ...o, 意外字段: 1 })) },
          { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
        );
      }
      default:
        return fc.anything({ maxDepth: 2 });
    }
  })();
  return schema.nullable || (Array.isArray(schema.type) && schema.type.includes('null')) ? fc.option(base, { nil: null }) : base;
}

export const pathParam = uuidish;
