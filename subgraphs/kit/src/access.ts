import {
  defaultFieldResolver,
  Kind,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { ForbiddenError, UnauthenticatedError } from './errors.js';
import type { Viewer } from './roles.js';

/** What a policy decides on: who asks, about which object (a field's parent, or the object a field returns). */
export interface PolicyRequest {
  viewer: Viewer;
  subject: unknown;
  typeName: string;
  args: Record<string, unknown>;
}

/** A named `@policy`: true to allow, or the reason for refusing, shown to the caller. */
export type Policy = (request: PolicyRequest) => true | string;
export type Policies = Record<string, Policy>;

/** Federation's access directives on one type or field: alternatives (or) of required sets (and). */
export interface AccessRequirement {
  authenticated: boolean;
  scopes?: string[][];
  policies?: string[][];
}

/** Reads @authenticated, @requiresScopes and @policy from a type's or field's SDL; undefined without any. */
export function accessRequirement(directives: readonly ConstDirectiveNode[] | undefined): AccessRequirement | undefined {
  const named = (name: string) => directives?.find((directive) => directive.name.value === name);
  const listArgument = (name: string, argument: string) => {
    const value = named(name)?.arguments?.find((arg) => arg.name.value === argument)?.value;
    return value?.kind === Kind.LIST ? (valueFromASTUntyped(value) as string[][]) : undefined;
  };
  const requirement = {
    authenticated: Boolean(named('authenticated')),
    scopes: listArgument('requiresScopes', 'scopes'),
    policies: listArgument('policy', 'policies'),
  };
  return requirement.authenticated || requirement.scopes || requirement.policies ? requirement : undefined;
}

/** The error refusing `requirement` to this request, or null when it is met. */
function refusal(requirement: AccessRequirement, request: PolicyRequest, policies: Policies): Error | null {
  const { viewer } = request;
  if (requirement.authenticated && !viewer.authenticated) {
    return new UnauthenticatedError('This field needs a token (Authorization: Bearer <token>); see npm run token.');
  }
  if (requirement.scopes && !requirement.scopes.some((all) => all.every((scope) => viewer.scopes.has(scope)))) {
    const wanted = requirement.scopes.map((all) => all.join(' and ')).join(', or ');
    return new ForbiddenError(`This field needs the scope ${wanted}.`);
  }
  if (requirement.policies) {
    const reasons = requirement.policies.map((all) => all.map((name) => policies[name](request)).find((r) => r !== true));
    if (!reasons.some((reason) => reason === undefined)) return new ForbiddenError(String(reasons[0]));
  }
  return null;
}

/*
 * buildSubgraphSchema builds its schema with graphql's CommonJS build, so graphql's `instanceof`-based
 * predicates (ESM build) would refuse its types; these read the types' own tags instead.
 */
const isObjectType = (type: GraphQLNamedType): type is GraphQLObjectType =>
  (type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === 'GraphQLObjectType';
function getNamedType(type: GraphQLOutputType): GraphQLNamedType {
  let named: GraphQLOutputType = type;
  while ('ofType' in named) named = named.ofType;
  return named;
}

/**
 * Enforces the access directives of a subgraph's SDL in the subgraph itself, field by field: a field is
 * checked against its own directives and its parent type's (so `_entities` cannot bypass a type-level
 * directive), before it resolves; and against its return type's, on every object it returns. A refused
 * field resolves to an error at its path, so the rest of the response still arrives.
 */
export function enforceAccess(schema: GraphQLSchema, policies: Policies): GraphQLSchema {
  const objectTypes = Object.values(schema.getTypeMap()).filter(isObjectType).filter((t) => !t.name.startsWith('__'));
  for (const type of objectTypes) {
    const typeRequirement = accessRequirement(type.astNode?.directives);
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      const returnRequirement = isObjectType(returned) ? accessRequirement(returned.astNode?.directives) : undefined;
      const before = [accessRequirement(field.astNode?.directives), typeRequirement].filter((r) => r !== undefined);
      if (before.length === 0 && !returnRequirement) continue;
      for (const requirement of [...before, returnRequirement]) checkPolicyNames(requirement, policies, `${type.name}.${field.name}`);
      field.resolve = guarded(field, type.name, before, returnRequirement && { requirement: returnRequirement, typeName: returned.name }, policies);
    }
  }
  return schema;
}

function checkPolicyNames(requirement: AccessRequirement | undefined, policies: Policies, where: string) {
  for (const name of requirement?.policies?.flat() ?? []) {
    if (!policies[name]) throw new Error(`${where} uses @policy "${name}", which this subgraph does not implement.`);
  }
}

function guarded(
  field: GraphQLField<unknown, unknown>,
  typeName: string,
  before: AccessRequirement[],
  after: { requirement: AccessRequirement; typeName: string } | undefined,
  policies: Policies,
): GraphQLFieldResolver<unknown, { viewer: Viewer }> {
  const resolve = field.resolve ?? defaultFieldResolver;
  return async (source, args, context, info) => {
    const viewer = context.viewer;
    for (const requirement of before) {
      const error = refusal(requirement, { viewer, subject: source, typeName, args }, policies);
      if (error) throw error;
    }
    const result = await resolve(source, args, context, info);
    if (!after) return result;
    const items = Array.isArray(result) ? result : [result];
    for (const item of items) {
      if (item == null) continue;
      const error = refusal(after.requirement, { viewer, subject: item, typeName: after.typeName, args: {} }, policies);
      if (error) throw error;
    }
    return result;
  };
}
