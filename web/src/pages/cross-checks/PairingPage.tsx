import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PairingRule } from '../../../../src/domain/cross-check-pairing';
import { ApiError, api, must } from '../../api/client';
import type { ApiData } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { useCurrentUser } from '../../auth';

type Round = ApiData<'/api/cross-checks/{stepId}', 'get'>;
type Violation = Round['violations'][number];

const RULE_LABELS: Record<PairingRule, string> = {
  unknown_unit: '单位不在本轮',
  own_unit: '不得检查本单位',
  same_township: '不得检查本乡镇',
  exactly_one_team: '每个对象恰由一个检查组检查',
  load_balance: '各组任务数相差不超过 1',
  repeated_pair: '不得与上一轮重复',
  reciprocal: '不得互查',
};

/**
 * 交叉排查配对: which team inspects which target. While the campaign is a draft an admin edits pairs or
 * regenerates them from a seed; every rule the server finds broken is shown beside the pairs it concerns.
 */
export default function PairingPage() {
  const { stepId = '' } = useParams();
  const round = useQuery({
    queryKey: ['cross-check', stepId],
    queryFn: () => must(api.GET('/api/cross-checks/{stepId}', { params: { path: { stepId } } })),
  });
  return <QueryState query={round}>{(r) => <PairingEditor key={JSON.stringify(r.pairs)} round={r} />}</QueryState>;
}

function PairingEditor({ round }: { round: Round }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // The server decides (409 once the campaign is launched); a started round is plainly fixed.
  const editable = user.role === 'admin' && round.status === 'pending';
  const [pairs, setPairs] = useState(round.pairs);
  const [seed, setSeed] = useState<number | null>(round.settings.seed);
  const changed = JSON.stringify(pairs) !== JSON.stringify(round.pairs);
  const units = useMemo(() => {
    const names = new Map<string, string>();
    for (const p of round.pairs) {
      names.set(p.teamId, p.teamName ?? p.teamId);
      names.set(p.targetId, p.targetName ?? p.targetId);
    }
    return [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  }, [round.pairs]);
  const saved = (r: Round, text: string) => {
    void message.success(text);
    queryClient.setQueryData(['cross-check', round.stepId], r);
  };
  const save = useMutation({
    mutationFn: () =>
      must(
        api.PUT('/api/cross-checks/{stepId}/pairing', {
          params: { path: { stepId: round.stepId } },
          body: { pairs: pairs.map(({ teamId, targetId }) => ({ teamId, targetId })) },
        }),
      ),
    onSuccess: (r) => saved(r, '配对已保存'),
  });
  const regenerate = useMutation({
    mutationFn: () =>
      must(
        api.PUT('/api/cross-checks/{stepId}/settings', { params: { path: { stepId: round.stepId } }, body: { seed: seed ?? undefined } }),
      ),
    onSuccess: (r) => saved(r, '已按种子重新生成配对'),
  });
  // The refused save's rules (400 errors) or, before any save, the stored pairing's own violations.
  const refused = save.error instanceof ApiError ? ((save.error.body as { errors?: Violation[] } | null)?.errors ?? []) : [];
  const violations = save.error ? refused : changed ? [] : round.violations;
  const rulesOf = (p: { teamId: string; targetId: string }) =>
    violations.filter((v) => v.unitIds.includes(p.teamId) || v.unitIds.includes(p.targetId));
  const edit = (i: number, change: Partial<Round['pairs'][number]>) => {
    save.reset();
    setPairs((all) => all.map((p, j) => (j === i ? { ...p, ...change } : p)));
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {round.title}：交叉排查配对
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="层级">{round.level === 'village' ? '村与村互查' : '乡镇互查'}</Descriptions.Item>
          <Descriptions.Item label="跨乡镇">{round.settings.crossTownship ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="允许互查">{round.settings.allowReciprocal ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="检查清单">第 {round.settings.checklistVersion} 版</Descriptions.Item>
          <Descriptions.Item label="每类抽样农户">{round.settings.householdsPerStratum} 户</Descriptions.Item>
          <Descriptions.Item label="专项行动">
            <Link to={`/campaigns/${round.campaignId}`}>查看</Link>
          </Descriptions.Item>
        </Descriptions>
        {editable ? (
          <Space wrap style={{ marginTop: 12 }}>
            <span>随机种子</span>
            <InputNumber aria-label="随机种子" min={0} max={4294967295} value={seed} onChange={setSeed} style={{ width: 160 }} />
            <Button loading={regenerate.isPending} onClick={() => regenerate.mutate()}>
              按种子重新生成
            </Button>
            <Button type="primary" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>
              保存配对
            </Button>
            {changed && <Button onClick={() => (save.reset(), setPairs(round.pairs))}>撤销修改</Button>}
          </Space>
        ) : (
          <Alert style={{ marginTop: 12 }} type="info" showIcon message="本轮已开始，或您不是管理员：配对只读。" />
        )}
        <div style={{ marginTop: 12 }}>
          <ApiErrorAlert error={regenerate.error} />
          {save.error && refused.length === 0 && <ApiErrorAlert error={save.error} />}
        </div>
      </Card>
      {violations.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="pairing-violations"
          message={`配对违反 ${violations.length} 条规则，未保存`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {violations.map((v, i) => (
                <li key={i}>
                  {RULE_LABELS[v.rule]}：{v.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        data-testid="pairs-table"
        dataSource={pairs.map((p, i) => ({ ...p, i }))}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 对` }}
        rowClassName={(p) => (rulesOf(p).length ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: '检查组',
            dataIndex: 'teamId',
            render: (id: string, p) =>
              editable ? (
                <Select
                  aria-label="检查组"
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 220 }}
                  value={id}
                  options={units}
                  onChange={(teamId: string) => edit(p.i, { teamId })}
                />
              ) : (
                p.teamName
              ),
          },
          {
            title: '检查对象',
            dataIndex: 'targetId',
            render: (id: string, p) =>
              editable ? (
                <Select
                  aria-label="检查对象"
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 220 }}
                  value={id}
                  options={units}
                  onChange={(targetId: string) => edit(p.i, { targetId })}
                />
              ) : (
                p.targetName
              ),
          },
          {
            title: '违反规则',
            render: (_, p) =>
              rulesOf(p).map((v) => (
                <Tag key={v.rule} color="red" title={v.message}>
                  {RULE_LABELS[v.rule]}
                </Tag>
              )),
          },
          {
            title: '检查任务',
            dataIndex: 'taskId',
            width: 100,
            render: (taskId: string | null) => (taskId ? <Link to={`/tasks/${taskId}`}>打开</Link> : '—'),
          },
        ]}
      />
    </Space>
  );
}
