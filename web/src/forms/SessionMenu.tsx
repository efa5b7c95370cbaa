import { homeOf, signOut, useMe } from './session';

const startLabel: Record<string, string> = { ASSOCIATION: 'Föreningens profil', STRATEGIST: 'Granska', ADMIN: 'Konton' };

/** The header's sign-in link, or, signed in, the role's start page and a sign-out button. */
export function SessionMenu() {
  const { me } = useMe();
  if (!me) {
    return (
      <ul class="session-menu">
        <li>
          <a href="/registrera">Registrera förening</a>
        </li>
        <li>
          <a href="/logga-in">Logga in</a>
        </li>
      </ul>
    );
  }
  const start = startLabel[me.role];
  return (
    <ul class="session-menu">
      {start ? (
        <li>
          <a href={homeOf(me.role)}>{start}</a>
        </li>
      ) : null}
      <li>
        <button type="button" class="link-button" onClick={() => signOut().then(() => window.location.assign('/'))}>
          Logga ut ({me.email})
        </button>
      </li>
    </ul>
  );
}
