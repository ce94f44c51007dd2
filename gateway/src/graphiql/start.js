// Starts GraphiQL against this hub's /graphql; everything it loads is served by the hub itself.
const defaultQuery = `# The national graph of the Veilig Ondernemen network.
# Every region with its platform, KVO coverage, funding and cyber scores:
{
  regions {
    code
    name
    pvo { legalForm }
    municipalityCount
  }
}
`;
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
);
