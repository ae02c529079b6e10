/** 138****1234: lists never show a full phone number. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 4403**********1234: identity numbers keep the region prefix and the last four characters. */
export function maskIdNumber(idNumber: string | null | undefined): string {
  if (!idNumber) return '';
  return idNumber.length > 8 ? `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}` : '****';
}
