import { readFileSync } from 'node:fs';
import { buildPlatform, corePlugin } from '@tuopin/core';
import { installedPlugins, renderSdl, SCHEMA_FILES } from '@tuopin/server';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';

const CJK = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]/;

describe('the committed schema', () => {
  it('matches the schema the code builds (run `pnpm schema` after changing it)', () => {
    expect(readFileSync(SCHEMA_FILES.full, 'utf8')).toBe(renderSdl(installedPlugins));
    expect(readFileSync(SCHEMA_FILES.core, 'utf8')).toBe(renderSdl([]));
  });

  it('describes every type, field, argument and enum value in Chinese and English', () => {
    const { schema } = buildPlatform({ plugins: [corePlugin, ...installedPlugins] });
    const missing: string[] = [];
    const check = (where: string, description: string | null | undefined) => {
      if (!description || !CJK.test(description) || !LATIN.test(description)) missing.push(where);
    };
    const builtIn = (type: GraphQLNamedType) => type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name);
    for (const type of Object.values(schema.getTypeMap())) {
      if (builtIn(type)) continue;
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          for (const arg of 'args' in field ? field.args : []) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
      if (isUnionType(type) || isScalarType(type)) continue;
    }
    expect(missing).toEqual([]);
  });
});
