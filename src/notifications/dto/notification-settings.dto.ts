import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUrl, Length } from 'class-validator';
import { OUTSIDE_CHANNELS, OutsideChannel } from '../notification-settings.entity';

export class NotificationSettingsDto {
  @ApiProperty({ enum: OUTSIDE_CHANNELS, isArray: true, description: 'outside channels besides the in-app inbox' })
  @IsArray()
  @ArrayUnique()
  @IsIn(OUTSIDE_CHANNELS, { each: true })
  channels: OutsideChannel[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ description: 'receives a signed JSON POST per notification' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  webhookUrl?: string;

  @ApiPropertyOptional({ description: 'HMAC-SHA256 key of the X-Orchestrator-Signature header; never shown again' })
  @IsOptional()
  @IsString()
  @Length(16, 200)
  webhookSecret?: string;
}

export class NotificationSettingsView {
  @ApiProperty({ enum: OUTSIDE_CHANNELS, isArray: true, description: 'outside channels besides the in-app inbox' })
  channels: OutsideChannel[];

  @ApiProperty({ type: String, nullable: true })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the webhook; its secret is never shown' })
  webhookUrl: string | null;
}
