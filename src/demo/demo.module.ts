import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [UnitsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
