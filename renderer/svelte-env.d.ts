// Lets TypeScript import .svelte files from renderer code; svelte-check does the real checking.
/// <reference types="svelte" />
