import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { SessionMenu } from '../forms/SessionMenu';

const links = [
  { href: '/', label: 'Sök' },
  { href: '/karta', label: 'Karta' },
  { href: '/overlapp', label: 'Överlapp' },
  { href: '/graphiql', label: 'GraphiQL' },
];

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path.startsWith(href);
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  return (
    <>
      <a class="skip-link" href="#innehall">
        Hoppa till innehållet
      </a>
      <header class="site-header">
        <a class="site-name" href="/">
          Samverkan
        </a>
        <nav aria-label="Huvudmeny">
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={isCurrent(path, link.href) ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <SessionMenu />
      </header>
      <main id="innehall" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>
          Samverkan visar föreningar, myndigheter, kommunala verksamheter, förebilder och företag som arbetar
          tillsammans, och varje uppgift med sin källa. Uppgifterna kommer från det öppna GraphQL-gränssnittet på{' '}
          <a href="/graphiql">/graphiql</a>.
        </p>
      </footer>
    </>
  );
}
