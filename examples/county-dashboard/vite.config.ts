import { defineConfig } from 'vite';

// Relative asset URLs, so the built page works from any path a county's web server gives it.
export default defineConfig({ base: './' });
