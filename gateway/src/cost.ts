import {
  Kind,
  parse,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

// Type checks by graphql-js's toStringTag rather than instanceof: under vitest the gateway's schema comes from the
// CommonJS copy of graphql while this file may load the ES module one.
const tag = (type: unknown) => (type as { [Symbol.toStringTag]?: string } | undefined)?.[Symbol.toStringTag];
const hasFields = (type: unknown): type is GraphQLObjectType | GraphQLInterfaceType =>
  tag(type) === 'GraphQLObjectType' || tag(type) === 'GraphQLInterfaceType';
const isComposite = (type: unknown) => hasFields(type) || tag(type) === 'GraphQLUnionType';
const nullable = (type: GraphQLOutputType) => (tag(type) === 'GraphQLNonNull' ? (type as { ofType: GraphQLOutputType }).ofType : type);
const isList = (type: GraphQLOutputType) => tag(nullable(type)) === 'GraphQLList';
function named(type: GraphQLOutputType): GraphQLNamedType {
  let inner: unknown = type;
  while (tag(inner) === 'GraphQLNonNull' || tag(inner) === 'GraphQLList') inner = (inner as { ofType: unknown }).ofType;
  return inner as GraphQLNamedType;
}

/** What a subgraph SDL says about one field's cost: `@cost(weight:)` and `@listSize(...)`. */
interface FieldCost {
  weight?: number;
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

/** The `@cost` and `@listSize` directives of a supergraph, by `Type.field` (and `@cost` on types, by name). */
export interface CostDirectives {
  fields: Map<string, FieldCost>;
  types: Map<string, number>;
}

const directiveArgs = (node: { directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: any }[] }[] }, name: string) => {
  const directive = node.directives?.find((d) => d.name.value === name);
  return directive && (Object.fromEntries((directive.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)])) as Record<string, any>);
};

/** Reads the cost directives that composition keeps in the supergraph SDL (the API schema drops them). */
export function readCostDirectives(supergraphSdl: string): CostDirectives {
  const directives: CostDirectives = { fields: new Map(), types: new Map() };
  for (const definition of parse(supergraphSdl).definitions) {
    if (!('fields' in definition) || !('name' in definition) || !definition.name) continue;
    const typeCost = directiveArgs(definition, 'cost');
    if (typeCost) directives.types.set(definition.name.value, typeCost.weight);
    for (const field of definition.fields ?? []) {
      const cost = directiveArgs(field, 'cost');
      const listSize = directiveArgs(field, 'listSize');
      if (cost || listSize) directives.fields.set(`${definition.name.value}.${field.name.value}`, { weight: cost?.weight, ...listSize });
    }
  }
  return directives;
}

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** The request's variables, with the operation's defaults filled in. */
  variables: Record<string, unknown>;
  directives: CostDirectives;
  /** Items assumed in a list that has no `@listSize` and no slicing argument. */
  defaultListSize: number;
  /** Called with every field's arguments (given or defaulted) before it is costed. */
  onArguments?: (coordinate: string, args: Record<string, unknown>) => void;
}

/**
 * Static cost estimate in the spirit of the IBM cost specification and Apollo's demand control: an object costs 1,
 * a scalar or enum 0, unless `@cost(weight:)` says otherwise; a list multiplies its items' cost by its size, read from
 * its `@listSize` slicing argument (`first`), else `@listSize(assumedSize:)`, else `defaultListSize`; `sizedFields`
 * carry a connection's size to its `nodes` and `edges`. Every item of a list argument adds 1, so a variable holding
 * 100,000 ids costs 100,000. Fragments on different types add up: an upper bound.
 */
export function estimateCost(input: CostInput): number {
  const root = input.schema.getRootType(input.operation.operation);
  return root ? selectionCost(input, input.operation.selectionSet, root) : 0;
}

type Sized = { fields: string[]; size: number } | undefined;

function selectionCost(input: CostInput, selectionSet: SelectionSetNode, parent: GraphQLNamedType, sized?: Sized): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(input, selection, parent, sized);
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? input.fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const type = fragment.typeCondition ? input.schema.getType(fragment.typeCondition.name.value) : parent;
      if (type) total += selectionCost(input, fragment.selectionSet, type, sized);
    }
  }
  return total;
}

function fieldCost(input: CostInput, node: FieldNode, parent: GraphQLNamedType, sized: Sized): number {
  if (!hasFields(parent)) return 0;
  const field = parent.getFields()[node.name.value];
  if (!field) return 0; // __typename and introspection fields
  const coordinate = `${parent.name}.${field.name}`;
  const args = argumentValues(field, node, input.variables);
  input.onArguments?.(coordinate, args);
  const info = input.directives.fields.get(coordinate);
  const type = named(field.type);
  const own = info?.weight ?? input.directives.types.get(type.name) ?? (isComposite(type) ? 1 : 0);
  const sliced = info?.slicingArguments?.map((name) => args[name]).find((value) => typeof value === 'number');
  const size = typeof sliced === 'number' ? Math.max(0, sliced) : info?.assumedSize;
  let multiplier = 1;
  if (sized?.fields.includes(field.name)) multiplier = sized.size;
  else if (isList(field.type)) multiplier = size ?? input.defaultListSize;
  const childSized = info?.sizedFields && size !== undefined ? { fields: info.sizedFields, size } : undefined;
  const children = node.selectionSet ? selectionCost(input, node.selectionSet, type, childSized) : 0;
  return listItems(args) + multiplier * (own + children);
}

/** A field's arguments as the request gives them, falling back to the schema's defaults; not coerced. */
function argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>) {
  const values: Record<string, unknown> = {};
  for (const arg of field.args) {
    const given = node.arguments?.find((a) => a.name.value === arg.name);
    const value = given ? valueFromASTUntyped(given.value, variables) : undefined;
    values[arg.name] = value === undefined ? arg.defaultValue : value;
  }
  return values;
}

/** Items in every list inside a value. */
function listItems(value: unknown): number {
  let items = 0;
  eachValue(value, (item) => {
    if (Array.isArray(item)) items += item.length;
  });
  return items;
}

/** Visits a JSON value and everything inside it; iterative, so a hostile, deeply nested variable cannot overflow the stack. */
export function eachValue(value: unknown, visit: (item: unknown) => void) {
  const pending = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    visit(next);
    if (next && typeof next === 'object') for (const item of Object.values(next)) pending.push(item);
  }
}
