import { useQuery } from '@urql/preact';
import { graphql } from '../gql';
import { apiHeaders } from '../lib/client';

const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      role
      passwordChangeRequired
      organization {
        id
        name
      }
      municipalities {
        code
        name
      }
    }
  }
`);

/** The signed-in account, read through the session cookie; null when signed out. */
export function useMe() {
  const [result, refetch] = useQuery({ query: MeQuery, requestPolicy: 'cache-and-network' });
  return { me: result.data?.me ?? null, fetching: result.fetching, refetch };
}

export type SignInResult = { ok: true; role: string; passwordChangeRequired: boolean } | { ok: false; message: string };

/**
 * Signs in through POST /session: the service keeps the token in an httpOnly cookie, so no script of the
 * page ever holds it. The answer carries the account, never the token.
 */
export async function signIn(email: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch('/session', { method: 'POST', headers: { 'content-type': 'application/json', ...apiHeaders }, body: JSON.stringify({ email, password }) });
  } catch {
    return { ok: false, message: 'Tjänsten svarar inte just nu. Försök igen om en stund.' };
  }
  if (response.ok) {
    const { account } = (await response.json()) as { account: { role: string; passwordChangeRequired: boolean } };
    return { ok: true, role: account.role, passwordChangeRequired: account.passwordChangeRequired };
  }
  const code = ((await response.json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null)?.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return { ok: false, message: 'Fel e-postadress eller lösenord.' };
  if (code === 'TOO_MANY_REQUESTS') return { ok: false, message: 'För många försök. Vänta en minut och försök igen.' };
  return { ok: false, message: 'Inloggningen misslyckades. Försök igen om en stund.' };
}

export async function signOut(): Promise<void> {
  await fetch('/session', { method: 'DELETE', headers: apiHeaders });
}

/** Where each role starts after signing in. */
export function homeOf(role: string): string {
  if (role === 'ASSOCIATION') return '/profil';
  if (role === 'STRATEGIST') return '/granska';
  if (role === 'ADMIN') return '/konton';
  return '/';
}
