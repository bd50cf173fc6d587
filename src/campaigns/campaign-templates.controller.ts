import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-docs';
import { CAMPAIGN_TEMPLATES, CampaignTemplate } from '../domain/campaign-templates';
import { CampaignTemplateView } from './dto/campaign-views.dto';

/** The built-in templates a campaign is created from, with each step's kind, unit kinds and default start rule. */
@ApiTags('campaigns')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('campaign-templates')
export class CampaignTemplatesController {
  @Get()
  @ApiOperation({ summary: 'Campaign templates (专项行动模板) and their steps in order' })
  @ApiOkResponse({ type: CampaignTemplateView, isArray: true })
  list(): readonly CampaignTemplate[] {
    return CAMPAIGN_TEMPLATES;
  }
}
