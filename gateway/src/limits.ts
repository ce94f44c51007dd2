import type { ApolloServerPlugin } from '@apollo/server';
import armorAliases from '@escape.tech/graphql-armor-max-aliases';
import armorDepth from '@escape.tech/graphql-armor-max-depth';
import armorDirectives from '@escape.tech/graphql-armor-max-directives';
import { BadInputError, checkPageSize, MAX_PAGE_SIZE } from '@vo/kit';
import { GraphQLError, Kind, valueFromASTUntyped, visit, type DocumentNode, type FragmentDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';
import { eachValue, estimateCost, readCostDirectives } from './cost.js';

/** The operation limits the gateway enforces before it calls any subgraph. */
export interface OperationLimits {
  /** Nesting of fields (fragments do not count as a level). */
  maxDepth: number;
  maxAliases: number;
  /** Fields selected at the top of an operation (`__typename` not counted). */
  maxRootFields: number;
  maxDirectives: number;
  /** Lexical tokens in the document, checked while parsing: stops field-duplication and alias bombs earliest. */
  maxTokens: number;
  /** Any `first` argument; at most the subgraphs' own maximum, the kit's MAX_PAGE_SIZE. */
  maxPageSize: number;
  /** The estimated cost (see cost.ts). */
  maxCost: number;
  /** Items assumed in a list field without `@listSize` or slicing argument. */
  defaultListSize: number;
  /** The JSON request body, in bytes. */
  maxBodyBytes: number;
}

/** Generous enough for every operation in schema/operations (test/limits.test.ts runs them under these). */
export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 10,
  maxAliases: 20,
  maxRootFields: 10,
  maxDirectives: 20,
  maxTokens: 1000,
  maxPageSize: MAX_PAGE_SIZE,
  maxCost: 5000,
  defaultListSize: 10,
  maxBodyBytes: 1_048_576,
};

/** Turns armor's rejection (a thrown "Syntax Error: ...") into one validation error with the limit's name. */
const reportAs = (limit: string) => (context: ValidationContext | null, error: GraphQLError) => {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit } }));
};
const armor = (limit: string, n: number) => ({ n, exposeLimits: true, propagateOnRejection: false, onReject: [reportAs(limit)] });

/** Refuses an operation selecting more than `max` root fields, counted through fragments. */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const seen = new Set<FragmentDefinitionNode>();
      const count = (selections: typeof operation.selectionSet.selections): number =>
        selections.reduce((sum, selection) => {
          if (selection.kind === Kind.FIELD) return sum + (selection.name.value === '__typename' ? 0 : 1);
          const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : context.getFragment(selection.name.value);
          if (!fragment || seen.has(fragment as FragmentDefinitionNode)) return sum;
          if (fragment.kind === Kind.FRAGMENT_DEFINITION) seen.add(fragment);
          return sum + count(fragment.selectionSet.selections);
        }, 0);
      const found = count(operation.selectionSet.selections);
      if (found > max) {
        const message = `Root fields limit of ${max} exceeded, found ${found}. Split the operation into several requests.`;
        context.reportError(new GraphQLError(message, { nodes: operation, extensions: { limit: 'rootFields' } }));
      }
    },
  });
}

/** Limits checked on the document alone: Apollo answers them as GRAPHQL_VALIDATION_FAILED / GRAPHQL_PARSE_FAILED. */
function documentLimits(limits: OperationLimits) {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      armorDepth.maxDepthRule({ ...armor('depth', limits.maxDepth), flattenFragments: true }),
      // Every alias counts, also one of __typename (armor lets those through by default).
      armorAliases.maxAliasesRule({ ...armor('aliases', limits.maxAliases), allowList: [] }),
      armorDirectives.maxDirectivesRule(armor('directives', limits.maxDirectives)),
      maxRootFieldsRule(limits.maxRootFields),
    ],
  };
}

/** An error from `didResolveOperation` is a 500 unless it says otherwise; these are the caller's to fix. */
const refused = (error: GraphQLError) =>
  new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, http: { status: 400 } } });

/** Page size and cost depend on the variables, so they are checked once the operation is known, before execution. */
function variableLimitsPlugin(limits: OperationLimits, supergraphSdl: string): ApolloServerPlugin {
  let directives = readCostDirectives(supergraphSdl);
  return {
    // A publish swaps the supergraph at run time: the estimate follows the cost directives of each new one.
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          if (coreSupergraphSdl) directives = readCostDirectives(coreSupergraphSdl);
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const variables: Record<string, unknown> = {};
          for (const definition of operation.variableDefinitions ?? []) {
            if (definition.defaultValue) variables[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
          }
          Object.assign(variables, request.variables);
          const fragments = Object.fromEntries(
            document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const checkFirst = (_: string, args: Record<string, unknown>) => {
            if (args.first != null) checkPageSize(args.first, limits.maxPageSize);
          };
          let cost: number;
          try {
            checkNoNul(document, variables);
            cost = estimateCost({ schema, operation, fragments, variables, directives, defaultListSize: limits.defaultListSize, onArguments: checkFirst });
          } catch (error) {
            throw error instanceof GraphQLError ? refused(error) : error;
          }
          if (cost > limits.maxCost) throw costError(cost, limits.maxCost);
        },
      };
    },
  };
}

/** PostgreSQL cannot store U+0000 in text, so a subgraph would fail on it with an internal error: refuse it here. */
function checkNoNul(document: DocumentNode, variables: Record<string, unknown>) {
  let found = false;
  eachValue(variables, (value) => {
    found ||= typeof value === 'string' && value.includes('\u0000');
  });
  visit(document, {
    StringValue(node) {
      found ||= node.value.includes('\u0000');
    },
  });
  if (found) throw new BadInputError('Text arguments may not contain the NUL character (U+0000).');
}

function costError(cost: number, maxCost: number) {
  const message =
    `The operation's estimated cost is ${cost}, above the maximum of ${maxCost}. Ask for fewer items ` +
    '(a smaller `first`, fewer nested lists) or split it into several requests.';
  return refused(new GraphQLError(message, { extensions: { code: 'COST_ESTIMATED_TOO_EXPENSIVE', estimatedCost: cost, maxCost } }));
}

/** The Apollo Server options that enforce the limits, to spread into its config. */
export function operationLimits(limits: OperationLimits, supergraphSdl: string) {
  return { ...documentLimits(limits), plugins: [variableLimitsPlugin(limits, supergraphSdl)] };
}
