import { useQuery } from '@urql/preact';
import { graphql } from '../gql';

const WriterQuery = graphql(`
  query Writer {
    me {
      id
      role
      organization {
        id
        status
      }
      municipalities {
        code
      }
    }
  }
`);

export interface Writer {
  role: string;
  organization?: { id: string; status: string } | null;
  municipalities: { code: string }[];
}

/** The signed-in account as the API states it (`me`): its role, its kommuner and the organisation it speaks for. */
export function useWriter(): { writer: Writer | null; fetching: boolean } {
  const [result] = useQuery({ query: WriterQuery, requestPolicy: 'cache-and-network' });
  return { writer: result.data?.me ?? null, fetching: result.fetching };
}

const inScope = (writer: Writer, municipalities: string[]) => municipalities.some((code) => writer.municipalities.some((m) => m.code === code));
const verifiedOrganization = (writer: Writer) => (writer.organization?.status === 'VERIFIED' ? writer.organization.id : null);

/**
 * Whether the API lets the writer change an initiative, its participations and its grants: as the
 * service's policy decides it (server/auth/policy.ts), from what `me` and the initiative say. The API
 * still decides each write; this only keeps links away from those who would be refused.
 */
export function mayEditInitiative(writer: Writer | null, initiative: { municipalities: string[]; leadIds: string[] }): boolean {
  if (!writer) return false;
  if (writer.role === 'ADMIN') return true;
  if (writer.role === 'STRATEGIST') return inScope(writer, initiative.municipalities);
  const own = verifiedOrganization(writer);
  return writer.role === 'ASSOCIATION' && own !== null && initiative.leadIds.includes(own);
}

/** Whether the writer may edit an organisation's facts: an admin, or a strategist of one of its kommuner. */
export function mayEditOrganization(writer: Writer | null, organization: { municipalities: string[] }): boolean {
  if (!writer) return false;
  return writer.role === 'ADMIN' || (writer.role === 'STRATEGIST' && inScope(writer, organization.municipalities));
}

/** Whether the writer may create organisations: an admin, a strategist (in its kommuner), a verified association (reviewed later). */
export function mayCreateOrganization(writer: Writer | null): boolean {
  if (!writer) return false;
  return writer.role === 'ADMIN' || writer.role === 'STRATEGIST' || (writer.role === 'ASSOCIATION' && verifiedOrganization(writer) !== null);
}

/** The organisation an association account may claim participations for, or null. */
export function claimingOrganization(writer: Writer | null): string | null {
  return writer?.role === 'ASSOCIATION' ? (writer.organization?.id ?? null) : null;
}
