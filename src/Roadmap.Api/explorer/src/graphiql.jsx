import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });
const defaultQuery = `# What does the MRI system need, and what needs the superconducting magnet?
{
  node(id: "product:mri") { nameZh nameEn latestStatus needs { type to { id nameZh } } }
  impact(scenario: { gaps: ["component:superconducting-magnet"] }) { products { node { id } severity } }
}
`;
createRoot(document.getElementById('graphiql')).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);
