import { BadRequestException, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { isUUID } from 'class-validator';
import type { Actor } from '../auth/actor';

/**
 * For guards that check access to an upload's target before multer reads the body (guards run
 * before interceptors): the signed-in actor and a UUID route parameter, 400 naming a bad one.
 */
export function uploadTarget(context: ExecutionContext, param: string): { actor: Actor; id: string } {
  const request = context.switchToHttp().getRequest<Request & { actor: Actor }>();
  const id = request.params[param];
  if (typeof id !== 'string' || !isUUID(id)) throw new BadRequestException(`${param} must be a UUID`);
  return { actor: request.actor, id };
}
