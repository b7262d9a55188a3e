// The options page: the bundled sites and the reader's own switches.
import { render } from 'preact';
import { Options } from '../../components/Options.tsx';
import { BUNDLED_SITES } from '../../lib/settings/sites.ts';

const root = document.getElementById('app');
if (root) render(<Options sites={BUNDLED_SITES} />, root);
