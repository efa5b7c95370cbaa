export const applicationJson = 'application/json; charset=utf-8';
export const graphqlResponseJson = 'application/graphql-response+json; charset=utf-8';

/**
 * Which of the two GraphQL-over-HTTP media types an Accept header asks for, as Apollo Server chooses
 * (the higher quality, application/json on a tie or with no header); null when it accepts neither.
 */
export function responseMediaType(accept: string | undefined | null): string | null {
  if (!accept) return applicationJson;
  const ranges = accept.split(',').map((part) => {
    const [range = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    return { range, quality: q ? Number(q.slice(2)) : 1 };
  });
  const qualityOf = (type: string) => {
    // The most specific range that matches decides, as in HTTP content negotiation.
    const match = ranges.find((r) => r.range === type) ?? ranges.find((r) => r.range === 'application/*') ?? ranges.find((r) => r.range === '*/*');
    return match && Number.isFinite(match.quality) ? match.quality : 0;
  };
  const json = qualityOf('application/json');
  const graphqlResponse = qualityOf('application/graphql-response+json');
  if (json <= 0 && graphqlResponse <= 0) return null;
  return graphqlResponse > json ? graphqlResponseJson : applicationJson;
}
