import { NotifyStage, routesSchema } from '../../routing/index.ts';

/** A notify stage whose `cutAt`-th call fails, as a crash mid-checkpoint would. */
export class PowerCut extends NotifyStage {
  private calls = 0;
  constructor(private readonly cutAt: number) {
    super({ routes: routesSchema.parse([{ channels: ['chat'] }]) });
  }
  override async apply(...args: Parameters<NotifyStage['apply']>): Promise<void> {
    if (++this.calls === this.cutAt) throw new Error('power cut');
    await super.apply(...args);
  }
}
