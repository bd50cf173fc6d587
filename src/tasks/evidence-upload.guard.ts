import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { uploadTarget } from '../common/upload-guard';
import { EvidenceService } from './evidence.service';

/** An evidence file is refused (403, 404, 409) for who sends it and the task's state before a byte of it is read. */
@Injectable()
export class EvidenceUploadAccess implements CanActivate {
  constructor(private readonly evidence: EvidenceService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { actor, id } = uploadTarget(context, 'id');
    await this.evidence.assertMayAdd(actor, id);
    return true;
  }
}
