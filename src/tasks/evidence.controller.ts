import { Body, Controller, Get, Header, Post, StreamableFile, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiFileResponse } from '../common/api-docs';
import { EvidenceView } from './dto/task-views.dto';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import { EvidenceNoteDto } from './dto/evidence.dto';
import { EvidenceUploadAccess } from './evidence-upload.guard';
import { EvidenceService } from './evidence.service';

/** `attachment` with an ASCII fallback and the exact name in RFC 5987 form, so Chinese names survive. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('tasks')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404)
@Controller('tasks/:id/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get()
  @ApiOperation({ summary: "A task's evidence (佐证资料), oldest first" })
  @ApiOkResponse({ type: EvidenceView, isArray: true })
  list(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<EvidenceView[]> {
    return this.evidence.list(actor, id);
  }

  @Post('notes')
  @ApiOperation({ summary: 'Add a note to the evidence of a task being worked on' })
  @ApiCreatedResponse({ type: EvidenceView })
  @ApiErrorResponses(409)
  addNote(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: EvidenceNoteDto): Promise<EvidenceView> {
    return this.evidence.addNote(actor, id, dto.note);
  }

  /**
   * Who may add evidence is checked before the body is read; the file then streams to disk (the
   * module's multer options: EVIDENCE_MAX_BYTES, 413 past it) and from there into the storage.
   */
  @Post('files')
  @ApiOperation({ summary: 'Upload a file (PDF, image, office document) to the evidence of a task being worked on' })
  @ApiCreatedResponse({ type: EvidenceView })
  @ApiErrorResponses(409, 413)
  @UseGuards(EvidenceUploadAccess)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  addFile(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<EvidenceView> {
    return this.evidence.addFile(actor, id, file);
  }

  @Get(':evidenceId/file')
  @ApiOperation({ summary: 'Download an evidence file, as uploaded (the download is audited)' })
  @ApiFileResponse('application/octet-stream', 'The file, with its stored Content-Type and name (Content-Disposition)')
  // Uploaded content is never rendered as something other than its stored type.
  @Header('X-Content-Type-Options', 'nosniff')
  async download(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('evidenceId') evidenceId: string,
  ): Promise<StreamableFile> {
    const file = await this.evidence.download(actor, id, evidenceId);
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: attachmentDisposition(file.fileName),
      length: file.sizeBytes,
    });
  }
}
