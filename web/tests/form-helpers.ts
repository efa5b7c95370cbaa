import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { adminEmail, adminPassword } from './service-address.ts';

/** What the forms' tests share: the API as a second user, accounts made by the admin, signing in and out. */

export const unique = () => Math.random().toString(36).slice(2, 8);

/** A valid organisationsnummer of an ideell förening: 80…, a third digit of 2 or more, and its Luhn check digit. */
export function organizationNumber(): string {
  const body = `802${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return `${body.slice(0, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`;
}

export async function api(request: APIRequestContext, query: string, variables: object, token?: string) {
  const response = await request.post('/graphql', {
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function tokenOf(request: APIRequestContext, email: string, password: string): Promise<string> {
  const data = await api(request, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
  return data.login.token;
}

export interface Account {
  email: string;
  password: string;
}

/** An account the admin makes: a strategist of `kommun`, or an association account for an organisation. */
export async function newAccount(request: APIRequestContext, input: { role: 'STRATEGIST'; municipalities: string[] } | { role: 'ASSOCIATION'; organizationId: string }): Promise<Account> {
  const admin = await tokenOf(request, adminEmail, adminPassword);
  const account = { email: `${input.role.toLowerCase()}-${unique()}@formular.example`, password: 'kontots-första-lösenord-42' };
  await api(request, 'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { input: { ...input, ...account } }, admin);
  return account;
}

/**
 * Signs in an account for the first time by API and page: the admin's password is changed to one of its
 * own first (the API asks for that), so that the page goes on to the role's start page.
 */
export async function ownPassword(request: APIRequestContext, account: Account): Promise<string> {
  const token = await tokenOf(request, account.email, account.password);
  const password = `${account.password}-eget`;
  await api(request, 'mutation ($c: String!, $n: String!) { changePassword(current: $c, new: $n) }', { c: account.password, n: password }, token);
  account.password = password;
  return tokenOf(request, account.email, password);
}

export async function signIn(page: Page, account: Account) {
  await page.goto('/logga-in');
  await page.getByLabel('E-post').fill(account.email);
  await page.getByLabel('Lösenord').fill(account.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('button', { name: /Logga ut/ })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Logga ut/ }).click();
  await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
}

export async function createOrganization(request: APIRequestContext, token: string, input: object): Promise<string> {
  return (await api(request, 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', { input }, token)).createOrganization.id;
}

export async function createInitiative(request: APIRequestContext, token: string, input: object): Promise<string> {
  return (await api(request, 'mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }', { input }, token)).createInitiative.id;
}
