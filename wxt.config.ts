// Build configuration: one source tree, Manifest V3 for Chrome and Firefox.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BUNDLED_MATCHES } from './lib/settings/sites.ts';

export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 2000 },
    // JSON.parse of one string loads the compiled dataset faster than the same data as a JS literal.
    json: { stringify: true },
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['tests/e2e/screenshots/**', 'tests/e2e/.profiles/**', 'demo-output/**', '.output/**', 'tmp/**', 'data/compiled/**'],
  },
  hooks: {
    // The content script runs on every bundled site: its match patterns come from data/sites.json.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const cs of manifest.content_scripts ?? []) if (cs.js?.some((f) => f.includes('content'))) cs.matches = BUNDLED_MATCHES;
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms'],
    host_permissions: BUNDLED_MATCHES,
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'entity-navigation': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandNavigate__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'central-asia-context@fpc-readers.org',
              strict_min_version: '140.0',
              data_collection_permissions: {
                required: ['none'],
                // Sightings (a page's address, a quote from it) leave the machine only when the reader sends them to a collector they chose.
                optional: ['websiteActivity', 'websiteContent'],
              },
            },
          },
        }
      : { minimum_chrome_version: '120' }),
  }),
});
