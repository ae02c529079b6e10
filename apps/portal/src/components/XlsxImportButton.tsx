import { InboxOutlined } from '@ant-design/icons';
import { ProForm, ProFormRadio } from '@ant-design/pro-components';
import { XlsxImportMode, type XlsxImportReport } from '@szpm/contract';
import { Alert, Button, message, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../api';
import { importConfirmable, importSummary, reportOf } from '../logic/xlsx-import';
import { uploadFile } from '../transfer';

export interface XlsxImportButtonProps {
  /** the dialog's title, e.g. 导入设施设备 */
  title: string;
  /** how rows are matched and what the import does, shown above the file picker */
  hint: string;
  /** the upload path of the kit's import endpoint (`?dryRun=…&mode=…`) */
  importPath: (options: { dryRun: boolean; mode: XlsxImportMode }) => string;
  onImported: () => void;
  /** offer 只导入正确的行 (the endpoint's valid-rows mode) besides 整个文件不导入 */
  offerValidRows?: boolean;
}

/**
 * 导入 on the kit's xlsx import: the picked file is checked at once (a dry run, nothing written) and
 * every bad row listed (row, column, problem); 确认导入 writes it once the check allows it. The dry
 * run always goes through every row (valid-rows mode, nothing written), so that it lists all the
 * bad rows at once whatever the import's mode.
 */
export function XlsxImportButton({ title, hint, importPath, onImported, offerValidRows = false }: XlsxImportButtonProps) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<XlsxImportMode>(XlsxImportMode.ALL_OR_NOTHING);
  const [report, setReport] = useState<XlsxImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (picked: File, dryRun: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await uploadFile<XlsxImportReport>(importPath({ dryRun, mode: dryRun ? XlsxImportMode.VALID_ROWS : mode }), picked);
      setReport(answer);
      if (!dryRun) {
        message.success(importSummary(answer));
        onImported();
      }
    } catch (e) {
      setReport(e instanceof ApiError ? reportOf(e.details) : null);
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const forget = () => {
    setFile(null);
    setReport(null);
    setFailure(null);
  };
  const close = () => {
    setOpen(false);
    forget();
  };
  const imported = report !== null && !report.dryRun && report.errors.length === 0;

  return (
    <>
      <Button onClick={() => setOpen(true)}>导入</Button>
      <Modal
        title={title}
        open={open}
        width={760}
        onCancel={close}
        footer={[
          <Button key="close" onClick={close}>
            {imported ? '完成' : '取消'}
          </Button>,
          <Button key="check" disabled={!file} loading={busy} onClick={() => file && void send(file, true)}>
            校验
          </Button>,
          <Button key="import" type="primary" disabled={!file || !importConfirmable(report, mode)} loading={busy} onClick={() => file && void send(file, false)}>
            确认导入
          </Button>,
        ]}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon message={`${hint}选择文件后先校验（不写入任何数据），校验通过后点“确认导入”。`} />
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(picked) => {
              forget();
              setFile(picked);
              void send(picked, true);
              return false;
            }}
            onRemove={forget}
            fileList={file ? [{ uid: 'picked', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入 Excel 文件（.xlsx，与导入模板表头相同）</p>
          </Upload.Dragger>
          {offerValidRows && (
            <ProForm.Item label="有错误行时" style={{ marginBottom: 0 }}>
              <ProFormRadio.Group
                noStyle
                fieldProps={{ value: mode, onChange: (e) => setMode(e.target.value as XlsxImportMode) }}
                options={[
                  { value: XlsxImportMode.ALL_OR_NOTHING, label: '整个文件不导入' },
                  { value: XlsxImportMode.VALID_ROWS, label: '只导入正确的行' },
                ]}
              />
            </ProForm.Item>
          )}
          {failure && <Alert type="error" showIcon message={failure} data-testid="import-failure" />}
          {report && (
            <Alert
              type={report.errors.length ? 'warning' : 'success'}
              showIcon
              data-testid="import-summary"
              message={importSummary(report)}
              description={report.dryRun && report.errors.length ? '请按下表修改文件后重新选择，校验通过后才能导入。' : undefined}
            />
          )}
          {report && report.errors.length > 0 && (
            <div data-testid="import-errors">
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                pagination={{ pageSize: 8 }}
                dataSource={report.errors}
                columns={[
                  { title: '行', dataIndex: 'row', width: 60 },
                  { title: '列', dataIndex: 'column', width: 140 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            </div>
          )}
        </Space>
      </Modal>
    </>
  );
}
