import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { validateCatalogue } from '../domain/disease-catalogue';
import { DiseaseCatalogueVersion } from './disease-catalogue.entity';
import { CreateCatalogueVersionDto } from './dto/disease-catalogue.dto';

/** Serialises version numbering: two admins adding at once get consecutive versions. */
const CATALOGUE_LOCK = 7_421_001;

/** 疾病目录: versions are only ever added, so a campaign's pinned version never changes under it. */
@Injectable()
export class DiseaseCatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<DiseaseCatalogueVersion[]> {
    return this.dataSource.getRepository(DiseaseCatalogueVersion).find({ order: { version: 'DESC' } });
  }

  async get(version: number, manager: EntityManager = this.dataSource.manager): Promise<DiseaseCatalogueVersion> {
    const found = await manager.getRepository(DiseaseCatalogueVersion).findOneBy({ version });
    if (!found) throw new NotFoundException(`No disease catalogue version ${version}`);
    return found;
  }

  async latest(manager: EntityManager = this.dataSource.manager): Promise<DiseaseCatalogueVersion> {
    const [found] = await manager.getRepository(DiseaseCatalogueVersion).find({ order: { version: 'DESC' }, take: 1 });
    if (!found) throw new NotFoundException('The disease catalogue has no version');
    return found;
  }

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<DiseaseCatalogueVersion> {
    return manager.getRepository(DiseaseCatalogueVersion).findOneByOrFail({ id });
  }

  async create(actor: Actor, dto: CreateCatalogueVersionDto): Promise<DiseaseCatalogueVersion> {
    const check = validateCatalogue(dto.diseases);
    if (!check.ok) throw new BadRequestException({ message: 'diseases is invalid', errors: check.errors });
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CATALOGUE_LOCK]);
      const [{ next }]: { next: number }[] = await manager.query(
        'SELECT coalesce(max(version), 0) + 1 AS next FROM disease_catalogue_versions',
      );
      const saved = await manager
        .getRepository(DiseaseCatalogueVersion)
        .save({ version: next, name: dto.name, notes: dto.notes ?? '', diseases: check.diseases, createdByUserId: actor.id });
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'disease_catalogue.version_added',
          entityType: 'disease_catalogue',
          entityId: saved.id,
          details: { version: next },
        },
        manager,
      );
      return saved;
    });
  }
}
