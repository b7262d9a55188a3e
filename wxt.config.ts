// Build configuration: one source tree, Manifest V3 for Chrome and Firefox.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { BUNDLED_MATCHES } from './lib/settings/sites.ts';

/**
 * Preact keeps a branch for `dangerouslySetInnerHTML`, which this project never uses; store linters flag its
 * innerHTML assignments. The branch is made to write text instead, so no HTML can ever be parsed from a prop.
 */
function noInnerHtml(): Plugin {
  return {
    name: 'cac-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/node_modules\/preact\/dist\//.test(id) || !code.includes('innerHTML=')) return null;
      return { code: code.replace(/\b([\w$]+)\.innerHTML=/g, '$1.textContent='), map: null };
    },
  };
}

export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), noInnerHtml()],
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
