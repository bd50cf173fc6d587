import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError, must } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { UnitTree } from '../../components/UnitTree';
import { UNIT_KIND_LABELS } from '../../lib/labels';

/** 单位: the unit tree of my scope, a unit's details, and the CSV import of further units with its row report. */
export default function UnitsPage() {
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? undefined;
  const unit = useQuery({
    queryKey: ['unit', unitId],
    queryFn: () => must(api.GET('/api/units/{id}', { params: { path: { id: unitId! } } })),
    enabled: Boolean(unitId),
  });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card title="单位" size="small">
          <UnitTree selected={unitId} onSelect={(id) => setParams(id ? { unitId: id } : {})} />
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Card title="单位详情">
            {!unitId ? (
              <Empty description="请在左侧选择单位" />
            ) : (
              <QueryState query={unit}>
                {(u) => (
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label="名称">{u.name}</Descriptions.Item>
                    <Descriptions.Item label="编码">{u.code}</Descriptions.Item>
                    <Descriptions.Item label="类型">{UNIT_KIND_LABELS[u.kind] ?? u.kind}</Descriptions.Item>
                    {u.kind === 'village' && <Descriptions.Item label="贫困村">{u.isPoorVillage ? '是' : '否'}</Descriptions.Item>}
                    <Descriptions.Item label="状态">{u.active ? '启用' : '停用'}</Descriptions.Item>
                  </Descriptions>
                )}
              </QueryState>
            )}
          </Card>
          <UnitCsvImport />
        </Space>
      </Col>
    </Row>
  );
}

function UnitCsvImport() {
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: async (file: File) =>
      must(
        api.POST('/api/units/import/csv', {
          body: await file.text(),
          headers: { 'Content-Type': 'text/csv' },
          bodySerializer: (b: string) => b,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['unit-tree'] }),
  });
  const problems =
    run.error instanceof ApiError
      ? [(run.error.body as { message?: unknown } | null)?.message ?? run.error.message].flat().map(String)
      : [];
  return (
    <Card title="批量导入单位（CSV）">
      <Typography.Paragraph type="secondary">
        列：code,name,kind,parentCode,isPoorVillage,headUsername。整个文件校验通过才导入。
      </Typography.Paragraph>
      <input
        ref={input}
        type="file"
        accept=".csv"
        hidden
        aria-label="选择单位文件"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) {
            setFileName(file.name);
            run.mutate(file);
          }
          e.target.value = '';
        }}
      />
      <Button onClick={() => input.current?.click()} loading={run.isPending}>
        选择 CSV 文件
      </Button>
      {run.data && <Alert style={{ marginTop: 12 }} type="success" message={`${fileName}：已导入 ${run.data.created} 个单位`} />}
      {problems.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          message={`${fileName} 未导入`}
          description={<List size="small" dataSource={problems} renderItem={(p) => <List.Item>{p}</List.Item>} />}
        />
      )}
    </Card>
  );
}
