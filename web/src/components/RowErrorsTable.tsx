import { Table, Typography } from 'antd';

/** One problem of a refused file, numbered as the spreadsheet shows its rows. */
export interface RowError {
  row: number;
  column?: string;
  message: string;
}

/** A refused upload's row errors; with the file's own cells (CSV) beside each row when they are known. */
export function RowErrorsTable({ errors, rows }: { errors: RowError[]; rows?: Map<number, string[]> }) {
  return (
    <Table<RowError>
      rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
      size="small"
      dataSource={errors}
      pagination={{ pageSize: 10 }}
      data-testid="row-errors"
      columns={[
        { title: '行', dataIndex: 'row', width: 60 },
        ...(rows
          ? [
              {
                title: '该行内容',
                render: (_: unknown, e: RowError) => <Typography.Text code>{rows.get(e.row)?.join(' | ') ?? '—'}</Typography.Text>,
              },
            ]
          : []),
        { title: '列', dataIndex: 'column', width: 90 },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}
