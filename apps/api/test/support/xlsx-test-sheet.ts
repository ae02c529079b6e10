import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { choiceColumn, numberColumn, SheetSpec, textColumn, yesNoColumn } from '../../src/common/excel/xlsx-sheet';

/** A small sheet specification for the xlsx kit's unit specs: text, number, choice and yes/no columns. */
export class PetDto {
  @IsString()
  name: string;

  @IsInt()
  @Min(0)
  @Max(30)
  age: number;

  @IsOptional()
  @IsString()
  kind?: string | null;

  @IsOptional()
  @IsBoolean()
  vaccinated?: boolean;
}

export const PET_SHEET: SheetSpec<PetDto, PetDto> = {
  sheetName: '宠物',
  title: '宠物登记',
  rowDto: PetDto,
  columns: [
    textColumn('名字', 'name', { hint: '必填' }),
    numberColumn('年龄', 'age'),
    choiceColumn('种类', 'kind', [['CAT', '猫'], ['DOG', '狗']] as const, { blank: null }),
    yesNoColumn('已接种', 'vaccinated'),
  ],
};
