import { tokenExpiry } from './lib/jwt';

const KEY = 'orchestrator.token';
type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * The signed-in session: the access token in localStorage, so a reload or a deep link opened in a new
 * tab stays signed in until the token expires. An expiry (the server answers 401) clears it and tells
 * the app, which shows the sign-in page with a message and returns to the page afterwards.
 */
export const session = {
  token: (): string | null => {
    const token = localStorage.getItem(KEY);
    if (!token) return null;
    const exp = tokenExpiry(token);
    if (exp !== null && exp <= Date.now()) {
      localStorage.removeItem(KEY);
      return null;
    }
    return token;
  },
  signIn(token: string): void {
    localStorage.setItem(KEY, token);
    expired = false;
    listeners.forEach((l) => l());
  },
  signOut(): void {
    localStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  expire(): void {
    if (!localStorage.getItem(KEY)) return;
    localStorage.removeItem(KEY);
    expired = true;
    listeners.forEach((l) => l());
  },
  wasExpired(): boolean {
    return expired;
  },
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
let expired = false;
