import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The answer of /health: each component, and the overall status. */

export class ComponentHealthView {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty() latencyMs: number;
  @ApiPropertyOptional({ description: 'Why the component is down' }) error?: string;
}

export class OldestDueView {
  @ApiProperty() clockKey: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

export class DeadlineClocksHealthView {
  @ApiProperty({ enum: ['up', 'degraded', 'down'] }) status: 'up' | 'degraded' | 'down';
  @ApiProperty() latencyMs: number;
  @ApiProperty({ type: Number, nullable: true, description: 'How long the oldest due moment has waited, whole seconds; null: unknown' })
  lagSeconds: number | null;
  @ApiProperty() thresholdSeconds: number;
  @ApiProperty({ type: OldestDueView, nullable: true }) oldestDue: OldestDueView | null;
  @ApiPropertyOptional() error?: string;
}

export class FailingSweepView {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'When its passes began to fail' }) since: string;
  @ApiProperty() error: string;
}

export class SweepsHealthView {
  @ApiProperty({ enum: ['up', 'degraded', 'down'] }) status: 'up' | 'degraded' | 'down';
  @ApiProperty() latencyMs: number;
  @ApiProperty({ type: FailingSweepView, isArray: true }) failing: FailingSweepView[];
  @ApiPropertyOptional() error?: string;
}

export class HealthComponentsView {
  @ApiProperty({ type: ComponentHealthView }) postgres: ComponentHealthView;
  @ApiProperty({ type: ComponentHealthView }) redis: ComponentHealthView;
  @ApiProperty({ type: ComponentHealthView }) temporal: ComponentHealthView;
  @ApiProperty({ type: DeadlineClocksHealthView }) deadlineClocks: DeadlineClocksHealthView;
  @ApiProperty({ type: SweepsHealthView }) sweeps: SweepsHealthView;
}

export class HealthReportView {
  @ApiProperty({ enum: ['ok', 'degraded', 'error'] }) status: 'ok' | 'degraded' | 'error';
  @ApiProperty({ type: HealthComponentsView }) components: HealthComponentsView;
}
