import {
  coerceInputValue,
  getNamedType,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLLeafType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Names the field of every value a scalar or an enum refuses — an amount with three decimals or
 * full-width digits, the 13th month, a year given as text, a misspelt enum value — in Chinese
 * and English, as `BAD_USER_INPUT` with `field` (`input.amount`, `input.members[1].birthDate`,
 * `asOf`), `messageZh` and `messageEn`. GraphQL itself reports such a value without the field
 * (a scalar's error thrown from a literal carries no location at all) and in English only, before
 * any resolver runs. Literals are checked after validation, variables before execution; other
 * problems (a missing required field, an unknown one) stay GraphQL's own.
 */
export function useNameBadValues(): Plugin {
  return {
    onValidate({ params }) {
      return ({ valid, result, setResult }) => {
        if (valid) return;
        const bad = badLiterals(params.schema, params.documentAST);
        if (bad.length === 0) return;
        const named = new Set<ASTNode>(bad.map((value) => value.node));
        const rest = (result as GraphQLError[]).filter((error) => !error.extensions?.scalar && !(error.nodes ?? []).some((node) => named.has(node)));
        setResult([...bad.map((value) => value.error), ...rest]);
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const bad = badVariables(args.schema, args.document, args.operationName ?? null, args.variableValues ?? {});
      if (bad.length > 0) setResultAndStopExecution({ errors: bad });
    },
  };
}

/** The typed error for a value the leaf type refused, in the refusal's own words when it has them (core's scalars). */
function namedError(field: string, type: GraphQLLeafType, refusal: unknown): GraphQLError {
  const extensions = refusal instanceof GraphQLError ? refusal.extensions : {};
  const zh = typeof extensions.messageZh === 'string' ? extensions.messageZh : isEnumType(type) ? `须为${type.name}的取值之一` : `须为${type.name}类型的值`;
  const en = typeof extensions.messageEn === 'string' ? extensions.messageEn : isEnumType(type) ? `Must be one of the values of ${type.name}` : `Must be a value of type ${type.name}`;
  return new GraphQLError(`${field}: ${zh} / ${en}`, {
    extensions: { code: 'BAD_USER_INPUT', ...(isEnumType(type) ? {} : { scalar: type.name }), field, messageZh: zh, messageEn: en },
  });
}

interface BadLiteral {
  node: ValueNode;
  error: GraphQLError;
}

/** Every literal argument value (or part of one) its leaf type refuses, with its path from the argument. */
function badLiterals(schema: GraphQLSchema, document: DocumentNode): BadLiteral[] {
  const found: BadLiteral[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const type = typeInfo.getInputType();
        if (type) checkLiteral(node.value, type, node.name.value, found);
        return false;
      },
    }),
  );
  return found;
}

function checkLiteral(value: ValueNode, type: GraphQLInputType, path: string, found: BadLiteral[]): void {
  if (value.kind === Kind.VARIABLE || value.kind === Kind.NULL) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (value.kind === Kind.LIST) value.values.forEach((item, i) => checkLiteral(item, inner.ofType, `${path}[${i}]`, found));
    else checkLiteral(value, inner.ofType, path, found);
    return;
  }
  if (isInputObjectType(inner)) {
    if (value.kind !== Kind.OBJECT) return;
    const fields = inner.getFields();
    for (const field of value.fields) {
      const declared = fields[field.name.value];
      if (declared) checkLiteral(field.value, declared.type, `${path}.${field.name.value}`, found);
    }
    return;
  }
  if (!isLeafType(inner)) return;
  try {
    if (inner.parseLiteral(value, undefined) === undefined) found.push({ node: value, error: namedError(path, inner, null) });
  } catch (refusal) {
    found.push({ node: value, error: namedError(path, inner, refusal) });
  }
}

/** Every variable value (or part of one) its leaf type refuses, named by the variable and the path inside it; of the operation that runs. */
function badVariables(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, values: Readonly<Record<string, unknown>>): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName === null ? (operations.length === 1 ? operations[0] : undefined) : operations.find((op) => op.name?.value === operationName);
  if (operation) {
    for (const variable of operation.variableDefinitions ?? []) {
      const name = variable.variable.name.value;
      const type = typeFromAST(schema, variable.type) as GraphQLInputType | undefined;
      if (!type || values[name] === undefined || values[name] === null) continue;
      coerceInputValue(values[name], type, (path, invalid, refusal) => {
        const leaf = typeAt(type, path);
        if (leaf && invalid !== null && invalid !== undefined) errors.push(namedError(name + path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join(''), leaf, refusal));
      });
    }
  }
  return errors;
}

/** The leaf type at a path inside an input type, or null when the path ends elsewhere (an object, an unknown field). */
function typeAt(type: GraphQLInputType, path: readonly (string | number)[]): GraphQLLeafType | null {
  let current: GraphQLInputType = type;
  for (const key of path) {
    const inner: GraphQLInputType = isNonNullType(current) ? current.ofType : current;
    if (typeof key === 'number') {
      if (!isListType(inner)) return null;
      current = inner.ofType;
    } else {
      if (!isInputObjectType(inner)) return null;
      const field = inner.getFields()[key];
      if (!field) return null;
      current = field.type;
    }
  }
  // A single value given for a list is coerced as its one item.
  const named = getNamedType(current);
  return isLeafType(named) ? named : null;
}
