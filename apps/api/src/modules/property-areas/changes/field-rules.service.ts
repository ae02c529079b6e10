import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AREA_FIELD_GROUP_LABELS, AreaChangeErrorCode, AreaFieldRule, UpdateAreaFieldRuleRequest } from '@szpm/contract';
import { EntityManager, Repository } from 'typeorm';
import { Actor } from '../../../access/actor';
import { AREA_FIELDS, AREA_FIELD_BY_NAME, EffectiveFieldRule } from './area-fields';
import { AreaChangeException } from './area-changes.exception';
import { PropertyAreaFieldRule } from './entities/property-area-field-rule.entity';

function toView(rule: EffectiveFieldRule, sortOrder: number): AreaFieldRule {
  const { spec } = rule;
  return {
    field: spec.field,
    label: spec.label,
    group: spec.group,
    groupLabel: AREA_FIELD_GROUP_LABELS[spec.group],
    kind: spec.kind,
    editable: rule.editable,
    requiresCityApproval: rule.requiresCityApproval,
    nullable: spec.nullable,
    maxLength: spec.maxLength ?? null,
    min: spec.min ?? null,
    max: spec.max ?? null,
    unit: spec.unit ?? null,
    choices: spec.choices ? [...spec.choices] : null,
    reference: spec.reference ?? null,
    sortOrder,
  };
}

/**
 * The field catalogue of 编辑 (property_area_field_rules): read by the UI to mark the fields that
 * need the city bureau's approval, by the change requests to split free fields from approval
 * fields, and changed by the city admin.
 */
@Injectable()
export class FieldRulesService {
  constructor(@InjectRepository(PropertyAreaFieldRule) private readonly rules: Repository<PropertyAreaFieldRule>) {}

  /** Every catalogue field with the flags in force, in display order. */
  async effective(manager: EntityManager = this.rules.manager): Promise<Map<string, EffectiveFieldRule>> {
    const rows = new Map((await manager.find(PropertyAreaFieldRule)).map((row) => [row.field, row]));
    return new Map(
      AREA_FIELDS.map((spec) => {
        const row = rows.get(spec.field);
        return [spec.field, { spec, editable: row?.editable ?? spec.editable, requiresCityApproval: row?.requiresCityApproval ?? spec.requiresCityApproval }];
      }),
    );
  }

  async list(): Promise<AreaFieldRule[]> {
    return [...(await this.effective()).values()].map((rule, i) => toView(rule, (i + 1) * 10));
  }

  async update(actor: Actor, field: string, request: UpdateAreaFieldRuleRequest): Promise<AreaFieldRule> {
    const spec = AREA_FIELD_BY_NAME.get(field);
    if (!spec) throw new AreaChangeException(AreaChangeErrorCode.FIELD_RULE_NOT_FOUND);
    const current = (await this.effective()).get(field)!;
    const editable = request.editable ?? current.editable;
    const requiresCityApproval = request.requiresCityApproval ?? current.requiresCityApproval;
    const sortOrder = AREA_FIELDS.indexOf(spec) * 10 + 10;
    await this.rules.upsert({ field, label: spec.label, fieldGroup: spec.group, editable, requiresCityApproval, sortOrder, updatedById: actor.accountId }, ['field']);
    return toView({ spec, editable, requiresCityApproval }, sortOrder);
  }
}
