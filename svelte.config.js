// Svelte compiler options for the dashboard (renderer/); TypeScript is handled by vite-plugin-svelte.
export default {};
