import { claimingOrganization, mayEditInitiative, mayEditOrganization, useWriter } from './permissions';

interface InitiativeFacts {
  id: string;
  municipalities: { code: string }[];
  participants: { role: string; status: string; actor: { id: string } }[];
}

/** The ways to change an initiative, shown only to a signed-in account the API lets make them. */
export function InitiativeEditLinks({ initiative }: { initiative: InitiativeFacts }) {
  const { writer } = useWriter();
  const leadIds = initiative.participants.filter((p) => p.role === 'LEAD' && p.status === 'CONFIRMED').map((p) => p.actor.id);
  const editable = mayEditInitiative(writer, { municipalities: initiative.municipalities.map((m) => m.code), leadIds });
  const claimant = claimingOrganization(writer);
  const claimable = claimant !== null && !initiative.participants.some((p) => p.actor.id === claimant);
  if (!editable && !claimable) return null;
  return (
    <nav aria-label="Ändra initiativet" class="edit-links">
      <ul class="buttons">
        {editable ? (
          <>
            <li>
              <a href={`/initiativ/${initiative.id}/andra`}>Ändra initiativet</a>
            </li>
            <li>
              <a href={`/initiativ/${initiative.id}/deltagare`}>Ändra deltagare</a>
            </li>
            <li>
              <a href={`/initiativ/${initiative.id}/bidrag`}>Ändra bidrag</a>
            </li>
          </>
        ) : null}
        {claimable ? (
          <li>
            <a href={`/initiativ/${initiative.id}/anmal`}>Anmäl att föreningen deltar</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The way to change an organisation: its own association edits its profile, a strategist or an admin its facts. */
export function OrganizationEditLinks({ organization }: { organization: { id: string; municipalities: { code: string }[] } }) {
  const { writer } = useWriter();
  const own = writer?.role === 'ASSOCIATION' && writer.organization?.id === organization.id;
  const editable = mayEditOrganization(writer, { municipalities: organization.municipalities.map((m) => m.code) });
  if (!own && !editable) return null;
  return (
    <nav aria-label="Ändra organisationen" class="edit-links">
      <ul class="buttons">
        <li>{own ? <a href="/profil">Ändra föreningens profil</a> : <a href={`/aktor/${organization.id}/andra`}>Ändra organisationen</a>}</li>
      </ul>
    </nav>
  );
}
