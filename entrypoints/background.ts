// The background: owns settings, answers the other contexts' typed calls, and keeps the badge.
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/start.ts';

export default defineBackground({
  type: 'module',
  main() {
    startBackground();
  },
});
