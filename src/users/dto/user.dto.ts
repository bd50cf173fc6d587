import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { OptionalNotNull } from '../../common/validators';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../auth/passwords';
import { Role, ROLES } from '../../domain/scope';

export class CreateUserDto {
  @ApiProperty({ example: 'wang.wei' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3–64 letters, digits, ".", "_" or "-"' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  username: string;

  @ApiProperty({ example: '王伟' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({ type: [String], description: 'Units this user answers for as responsible leader (分片联系)' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  responsibleUnitIds?: string[];
}

/** Absent fields stay as they are; null is refused like any other wrong type. */
export class UpdateUserDto extends PartialType(PickType(CreateUserDto, ['displayName', 'role', 'unitId', 'responsibleUnitIds'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
  newPassword: string;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() unitId: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [String] }) responsibleUnitIds: string[];
}
