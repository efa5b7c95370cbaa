import { organizationNumber } from '../accounts/inputs.ts';
import { actorVisible, viewerParameter } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Transaction } from '../db/database.ts';
import type { ImportPlan } from './plan.ts';

export interface ExistingOrganization {
  id: string;
  name: string;
  /** Whether the importer may see it; one it may not see is only reported as taken, never named. */
  visible: boolean;
}

/** The organisations already registered that a file's rows may match or name. */
export interface ExistingOrganizations {
  byNumber: Map<string, ExistingOrganization>;
  /** The organisations the importer sees in each kommun of the file, for likely duplicates and participants named by name. */
  byKommun: Map<string, { id: string; name: string }[]>;
}

/** A participant cell read as an organisationsnummer, or null when it is a name. */
export function participantNumber(text: string): string | null {
  const parsed = organizationNumber.safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** Two statements, whatever the file's size: one for every organisationsnummer it names, one for the organisations of its kommuner. */
export async function readExisting(tx: Transaction, plan: ImportPlan, viewer: Viewer): Promise<ExistingOrganizations> {
  const numbers = new Set<string>();
  for (const organization of plan.organizations) if (organization.input.organizationNumber) numbers.add(organization.input.organizationNumber);
  for (const participation of plan.participations) {
    const number = participantNumber(participation.participant);
    if (number) numbers.add(number);
  }
  const parameters = { numbers: [...numbers], codes: plan.municipalities, viewer: viewerParameter(viewer) };
  const byNumber = await tx.run<{ number: string; organization: ExistingOrganization }>({
    text: `UNWIND $numbers AS number
           MATCH (o:Actor:Organization {organizationNumber: number})
           RETURN number, { id: o.id, name: o.name, visible: ${actorVisible('o')} } AS organization`,
    parameters,
  });
  const inKommuner = await tx.run<{ code: string; organizations: { id: string; name: string }[] }>({
    text: `UNWIND $codes AS code
           MATCH (m:Municipality {code: code})
           RETURN code, COLLECT { MATCH (m)<-[:IN_MUNICIPALITY]-(o:Actor:Organization) WHERE ${actorVisible('o')} RETURN { id: o.id, name: o.name } } AS organizations`,
    parameters,
  });
  return {
    byNumber: new Map(byNumber.records.map((record) => [record.get('number'), record.get('organization')])),
    byKommun: new Map(inKommuner.records.map((record) => [record.get('code'), record.get('organizations')])),
  };
}
