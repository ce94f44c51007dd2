import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { graphql } from './graphql.js';

const { getNamedType, Kind, TypeInfo, visit, visitWithTypeInfo } = graphql;

/**
 * The schema coordinates one operation uses: every field as `Type.field`, every argument it passes as
 * `Type.field.argument`, every input field it writes as `Input.field`, and every named type it touches (a field's
 * type, an argument's, a variable's), so that removing a type or an enum value can be matched against use.
 * Fragments count only where the operation spreads them. Introspection (`__schema`, `__typename`) is left out.
 * `schema` is the gateway's (Apollo's copy of graphql-js, see graphql.ts).
 */
export function operationCoordinates(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const coordinates = new Set<string>();
  const addType = (type: unknown) => {
    const name = type ? getNamedType(type as Parameters<typeof getNamedType>[0])?.name : undefined;
    if (name && !name.startsWith('__')) coordinates.add(name);
  };
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field() {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (!parent || !field || parent.name.startsWith('__') || field.name.startsWith('__')) return;
      coordinates.add(`${parent.name}.${field.name}`);
      addType(field.type);
    },
    Argument(node) {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      const argument = typeInfo.getArgument();
      if (!parent || !field || !argument || parent.name.startsWith('__')) return;
      coordinates.add(`${parent.name}.${field.name}.${node.name.value}`);
      addType(argument.type);
    },
    ObjectField(node) {
      const input = typeInfo.getParentInputType();
      const named = input && getNamedType(input);
      if (named) coordinates.add(`${named.name}.${node.name.value}`);
    },
    VariableDefinition() {
      addType(typeInfo.getInputType());
    },
  });

  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const definition = pending.pop()!;
    visit(definition, visitor);
    visit(definition, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !seen.has(spread.name.value)) {
          seen.add(spread.name.value);
          pending.push(fragment);
        }
      },
    });
  }
  return [...coordinates].sort();
}
