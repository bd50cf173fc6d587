import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { uploadTarget } from '../common/upload-guard';
import { CampaignsService } from './campaigns.service';
import { DataComparisonService } from './data-comparison.service';
import { ReIdentificationService } from './re-identification.service';

/** A results upload is refused (403, 404, 409) for who sends it and the task's state before a byte of the file is read. */
@Injectable()
export class ResultsUploadAccess implements CanActivate {
  constructor(private readonly reIdentification: ReIdentificationService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { actor, id } = uploadTarget(context, 'taskId');
    await this.reIdentification.assertMayRecord(actor, id);
    return true;
  }
}

/** A comparison list is refused for a campaign the sender cannot see or that is not running before it is read. */
@Injectable()
export class ComparisonUploadAccess implements CanActivate {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly comparisons: DataComparisonService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { actor, id } = uploadTarget(context, 'id');
    this.comparisons.assertComparable(await this.campaigns.findVisible(actor, id));
    return true;
  }
}
