import { ScrollView, Text, View } from '@tarojs/components';
import { EVALUATION_SUBJECT_TYPE_LABELS, EvaluationSubjectType, EvaluationSubjectView } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../api';
import { usePagedList } from '../hooks/usePagedList';
import { subjectIdentifierText } from '../logic/format';
import { Popup } from '../ui/popup';
import { FieldError } from './InfoRows';
import { FieldLabel } from './FieldLabel';
import './form-field.scss';
import { PagedListView } from './PagedListView';
import { SearchBox } from './SearchBox';

interface Props {
  id: string;
  subjectType: EvaluationSubjectType;
  value: EvaluationSubjectView | null;
  onChange: (subject: EvaluationSubjectView) => void;
  error?: string;
}

/** 统一社会信用代码：9144… · 所属企业：合德物业 — every number with its label. */
function subjectLine(subject: EvaluationSubjectView): string {
  return [subjectIdentifierText(subject.subjectType, subject.identifier), subject.companyName ? `所属企业：${subject.companyName}` : ''].filter(Boolean).join(' · ');
}

/** 评价对象: this district's companies or project managers, searched by name, paged. */
export function SubjectPicker({ id, subjectType, value, onChange, error }: Props) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const list = usePagedList((page, pageSize) => api.evaluation.subjects({ subjectType, search: search || undefined, page, pageSize }), [subjectType, search], {
    enabled: open,
  });
  const label = EVALUATION_SUBJECT_TYPE_LABELS[subjectType];
  return (
    <View className="form-row">
      <View id={id} className="select-field" onClick={() => setOpen(true)}>
        <FieldLabel required>评价对象</FieldLabel>
        <Text className={value ? 'select-field__value' : 'select-field__placeholder'}>{value ? value.name : `请选择${label}`}</Text>
        <Text className="select-field__arrow">›</Text>
      </View>
      {value && (
        <Text className="muted form-row__hint">{subjectLine(value)}</Text>
      )}
      <FieldError message={error} />
      <Popup visible={open} position="bottom" round title={`选择${label}`} closeable onClose={() => setOpen(false)}>
        <View className="sheet">
          <SearchBox id={`${id}-search`} placeholder="输入名称搜索" onSearch={setSearch} />
          <ScrollView scrollY className="sheet__scroll" onScrollToLower={() => void list.loadMore()}>
            <PagedListView
              list={list}
              id={`${id}-list`}
              emptyText={search ? `没有名称包含“${search}”的${label}` : `本区暂无${label}`}
              renderItem={(subject) => (
                <View
                  key={`${subject.subjectType}-${subject.subjectId}`}
                  id={`${id}-option-${subject.subjectId}`}
                  className="sheet__option"
                  onClick={() => {
                    onChange(subject);
                    setOpen(false);
                  }}
                >
                  <Text className="sheet__label">{subject.name}</Text>
                  <Text className="muted">{subjectLine(subject)}</Text>
                </View>
              )}
            />
          </ScrollView>
        </View>
      </Popup>
    </View>
  );
}
