// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  interface ImportMetaEnv {
    /** Set in test builds (`npm run build:test`): the map installs its test probe. */
    readonly VITE_MAP_PROBE?: string;
  }
}

export {};
