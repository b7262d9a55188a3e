// Annotates one document: reads its blocks in slices, finds mentions, paints them, keeps up with changes.
import type { PageSummary } from '../messages/protocol.ts';
import { BlockCollector, type Block } from './blocks.ts';

export interface AnnotatorHooks {
  onSummary: (summary: PageSummary) => void;
}

export class Annotator {
  private running = false;
  private blocks: Block[] = [];

  constructor(
    private readonly doc: Document,
    private readonly hooks: AnnotatorHooks,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const collector = new BlockCollector(this.doc.body ?? this.doc.documentElement);
    this.blocks = [];
    while (!collector.finished) this.blocks.push(...collector.step(() => true));
    this.hooks.onSummary(this.summary());
  }

  stop(): void {
    this.running = false;
    this.blocks = [];
  }

  summary(): PageSummary {
    return { url: this.doc.location?.href ?? '', lang: this.doc.documentElement.lang || '', entities: [] };
  }
}
